package jp.emergencyaccess.ledger.common;

/** An unknown resource: answered with 404. */
public class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what);
  }
}
