package jp.emergencyaccess.ledger.console;

import java.util.Map;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;

/**
 * A refusal of MHLW's activation forms in the API's own words: the message and rule of a {@link
 * RuleViolation}, the field and reason of an {@link InvalidField}, with the field's name on the
 * form.
 */
final class ActivationWords {
  private static final Map<String, String> FIELDS =
      Map.of(
          "noticeId", "告示 ID",
          "series", "シリーズ",
          "revision", "版番号",
          "issuedOn", "発出日",
          "title", "件名",
          "regionCode", "地域コード",
          "from", "開始日",
          "until", "終了日",
          "lastDay", "最終日",
          "action", "操作");

  private ActivationWords() {}

  /** The API's message and its rule or field, so the page and a problem+json answer agree. */
  static String refusal(RuntimeException e) {
    if (e instanceof RuleViolation r) {
      return r.getMessage() + "（" + r.rule() + "）";
    }
    if (e instanceof InvalidField f) {
      String label = FIELDS.get(f.field());
      return (label == null ? f.field() : label + "（" + f.field() + "）") + ": " + f.reason();
    }
    return e.getMessage();
  }
}
