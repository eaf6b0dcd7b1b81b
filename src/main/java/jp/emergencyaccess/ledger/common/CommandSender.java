package jp.emergencyaccess.ledger.common;

/**
 * The port through which features and controllers send a command and wait for its result; a refusal
 * ({@link Refusal}, {@link RuleViolation}, {@link InvalidField}...) comes back as itself. The
 * command bus behind it is infrastructure's choice.
 */
public interface CommandSender {
  <R> R send(Object command);
}
