package jp.emergencyaccess.ledger.console;

import java.util.Map;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * A command's refusal in the words of a console page: the page's words for the rule or the field
 * where it has them, else the rule's stable name and the ledger's own message.
 */
final class RefusalWords {
  private RefusalWords() {}

  /** A rule the page has no words for yet is still shown, by its stable name. */
  static String rule(RuleViolation e, Map<String, String> words) {
    String said = words.get(e.rule());
    return said != null ? said + "（" + e.rule() + "）" : e.rule() + ": " + e.getMessage();
  }

  /**
   * An empty field, a date before the one it must follow ({@code dateField}, said as {@code
   * tooEarly}), or any other bad field by its name and the ledger's reason.
   */
  static String field(
      InvalidField e, Map<String, String> names, String dateField, String tooEarly) {
    String field = names.getOrDefault(e.field(), e.field());
    String reason = e.reason();
    if (reason.startsWith("must not be empty") || reason.startsWith("is required")) {
      return field + "を入力してください。";
    }
    if (e.field().equals(dateField) && reason.startsWith("must not be before")) {
      return tooEarly;
    }
    return field + "が正しくありません（" + reason + "）。";
  }
}
