package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.ApplicationSummary.Status;

/** The applications' states, and the refusals of a decision, in the words the console shows. */
final class ApplicationWords {
  record Choice(String code, String label) {}

  private static final Map<String, String> RULES =
      Map.of(
          "APPLICATION_ALREADY_DECIDED", "この申出はすでに決定されています。",
          "APPLICATION_UNKNOWN", "この医療機関の申出として記録されていません。",
          "DECISION_BEFORE_SUBMISSION", "申出の提出より前の時刻では決定できません。",
          "PERIOD_OVERLAPS", "承認する期間が、この医療機関にすでに認めた期間と重なっています（その期間に続けるか、重ならない期間にしてください）。",
          "ALREADY_COVERED", "承認する期間は、この医療機関にすでに認めた期間に含まれています。");

  private static final Map<String, String> FIELDS =
      Map.of("from", "開始日", "until", "終了日", "reason", "却下の理由");

  private ApplicationWords() {}

  static String state(Status status) {
    return switch (status) {
      case SUBMITTED -> "審査待ち";
      case APPROVED -> "承認";
      case REJECTED -> "却下";
    };
  }

  static List<Choice> states() {
    return Arrays.stream(Status.values()).map(s -> new Choice(s.name(), state(s))).toList();
  }

  /** An attestation as a mark and in words, so it reads without relying on the mark alone. */
  static String attested(Boolean value) {
    return Boolean.TRUE.equals(value) ? "✓ 誓約あり" : "✗ 誓約なし";
  }

  static String refusal(RuleViolation e) {
    return RefusalWords.rule(e, RULES);
  }

  static String refusal(InvalidField e) {
    return RefusalWords.field(e, FIELDS, "until", "終了日は開始日より前にはできません。");
  }
}
