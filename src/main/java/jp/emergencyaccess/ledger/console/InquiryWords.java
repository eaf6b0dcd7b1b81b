package jp.emergencyaccess.ledger.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.investigation.Finding;
import jp.emergencyaccess.ledger.investigation.ServiceChange;

/** The investigation's codes, and its refusals, in the words the console shows. */
final class InquiryWords {
  record Choice(String code, String label) {}

  /** Shown with its offset, so a time read off the page is never taken for the server's zone. */
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

  private static final Map<String, String> STEPS =
      Map.of(
          "InquiryOpened", "開始",
          "FacilityReportRecorded", "施設の報告",
          "ImprovementReportRequested", "改善報告の求め",
          "FacilityNamePublished", "施設名の公表",
          "FacilityServiceSuspended", "一時停止",
          "FacilityServiceStopped", "利用停止",
          "FacilityServiceResumed", "再開",
          "InquiryClosed", "終了");

  private static final Map<String, String> RULES =
      Map.of(
          "INQUIRY_CLOSED", "この事案は終了しています。これ以上は記録できません。",
          "MEASURE_BEFORE_OPENING", "事案の開始より前の時刻では記録できません。",
          "NAME_ALREADY_PUBLISHED", "この事案では施設名をすでに公表しています。",
          "ALREADY_SUSPENDED", "この医療機関はすでに一時停止中です。",
          "ALREADY_STOPPED", "この医療機関はすでに利用停止になっています。",
          "NOT_SUSPENDED", "この医療機関は一時停止中ではないため、再開できません。",
          "STOP_IS_FINAL", "この医療機関は利用停止になっています。利用停止は取り消せません。",
          "MEASURE_NOT_AFTER_LATEST", "一時停止・利用停止・再開は、直前の措置より後の時刻でなければなりません。");

  private static final Map<String, String> FIELDS =
      Map.of(
          "summary", "概要",
          "reason", "理由",
          "dueOn", "期限",
          "finding", "結論");

  private InquiryWords() {}

  static String step(String eventType) {
    return STEPS.getOrDefault(eventType, eventType);
  }

  static String state(boolean closed) {
    return closed ? "終了" : "調査中";
  }

  static String service(ServiceChange inForce) {
    if (inForce == null) {
      return "利用中";
    }
    return switch (inForce) {
      case SUSPENDED -> "一時停止中";
      case STOPPED -> "利用停止";
      case RESUMED -> "利用中";
    };
  }

  static String finding(Finding finding) {
    return switch (finding) {
      case NO_VIOLATION -> "違反なし";
      case VIOLATION -> "違反あり";
    };
  }

  static List<Choice> findings() {
    return Arrays.stream(Finding.values()).map(f -> new Choice(f.name(), finding(f))).toList();
  }

  static String time(Instant at) {
    return at == null ? null : JapanTime.render(at).format(SHOWN);
  }

  static String refusal(RuleViolation e) {
    return RefusalWords.rule(e, RULES);
  }

  static String refusal(InvalidField e) {
    return RefusalWords.field(e, FIELDS, "dueOn", "期限は求めた日（日本時間）より前にはできません。");
  }
}
