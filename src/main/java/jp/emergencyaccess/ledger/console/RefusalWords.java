package jp.emergencyaccess.ledger.console;

import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * A command's refusal in the words of a console page: the page's words for the rule or the field
 * where the bundles have them (under the page's prefix), else the rule's stable name and the
 * ledger's own message.
 */
final class RefusalWords {
  private final ConsoleText text;

  RefusalWords(ConsoleText text) {
    this.text = text;
  }

  /** A rule the page has no words for yet is still shown, by its stable name. */
  String rule(RuleViolation e, String rules) {
    String said = text.find(rules + e.rule());
    return said != null
        ? text.get("format.paren", said, e.rule())
        : text.get("format.labelled", e.rule(), e.getMessage());
  }

  /**
   * An empty field, a date before the one it must follow ({@code dateField}, said as the key {@code
   * tooEarly}), or any other bad field by its name and the ledger's reason.
   */
  String field(InvalidField e, String fields, String dateField, String tooEarly) {
    String named = text.find(fields + e.field());
    String field = named != null ? named : e.field();
    String reason = e.reason();
    if (reason.startsWith("must not be empty") || reason.startsWith("is required")) {
      return text.get("refusal.field.empty", field);
    }
    if (e.field().equals(dateField) && reason.startsWith("must not be before")) {
      return text.get(tooEarly);
    }
    return text.get("refusal.field.invalid", field, reason);
  }
}
