package jp.emergencyaccess.ledger.common;

/**
 * A command that breaks a rule of the ledger against its recorded state: answered with 409 and
 * nothing recorded. {@code rule} is a stable, machine-readable name for the broken rule.
 */
public class RuleViolation extends RuntimeException {
  private final String rule;

  public RuleViolation(String rule, String detail) {
    super(detail);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
