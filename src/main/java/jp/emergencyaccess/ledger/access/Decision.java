package jp.emergencyaccess.ledger.access;

/** The outcome of an access decision. */
public enum Decision {
  ALLOWED,
  DENIED
}
