package jp.emergencyaccess.ledger.common;

/**
 * A refusal as it travels back from a command handler, also across Axon Server, where exception
 * classes do not survive the trip: {@code kind} is RULE (409), INVALID (400) or NOT_FOUND (404).
 */
public record Refusal(String kind, String rule, String field, String message) {

  public static Refusal of(RuntimeException e) {
    if (e instanceof RuleViolation r) {
      return new Refusal("RULE", r.rule(), null, r.getMessage());
    }
    if (e instanceof InvalidField f) {
      return new Refusal("INVALID", null, f.field(), f.reason());
    }
    if (e instanceof NotFound n) {
      return new Refusal("NOT_FOUND", null, null, n.getMessage());
    }
    return null;
  }

  /** The exception this refusal stood for. */
  public RuntimeException toException() {
    return switch (kind) {
      case "RULE" -> new RuleViolation(rule, message);
      case "INVALID" -> new InvalidField(field, message);
      case "NOT_FOUND" -> new NotFound(message);
      default -> new IllegalStateException(message);
    };
  }
}
