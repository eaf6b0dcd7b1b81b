package jp.emergencyaccess.ledger.common;

/** A request value of the wrong shape: answered with 400 and a field-level message. */
public class InvalidField extends IllegalArgumentException {
  private final String field;

  public InvalidField(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }

  public String reason() {
    String message = getMessage();
    return message.substring(field.length() + 2);
  }
}
