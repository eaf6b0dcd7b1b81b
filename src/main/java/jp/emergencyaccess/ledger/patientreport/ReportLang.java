package jp.emergencyaccess.ledger.patientreport;

import java.util.Map;
import jp.emergencyaccess.ledger.common.InvalidField;

/** The language of a report's labels: Japanese by default, or English. */
public enum ReportLang {
  JA(
      Map.ofEntries(
          Map.entry("HOSPITAL", "病院"),
          Map.entry("CLINIC", "診療所"),
          Map.entry("DENTAL_CLINIC", "歯科診療所"),
          Map.entry("PHARMACY", "薬局"),
          Map.entry("UNREGISTERED", "登録のない医療機関等"),
          Map.entry("MEDICATION", "薬剤情報"),
          Map.entry("HEALTH_CHECKUP", "特定健診等情報"),
          Map.entry("CLINICAL", "診療情報"),
          Map.entry("PRESCRIPTION", "処方情報"),
          Map.entry("DISPENSING", "調剤情報"),
          Map.entry("ALLOWED", "閲覧"),
          Map.entry("DENIED", "閲覧を拒否（情報は表示されていません）"),
          Map.entry("CONSENT", "本人の同意"),
          Map.entry("EMERGENCY_EXEMPTION", "緊急時の同意不要（生命・身体の保護）"),
          Map.entry("NONE", "同意の記録なし"),
          Map.entry("REGION", "災害時の地域指定"),
          Map.entry("FACILITY", "医療機関等の個別指定"),
          Map.entry("notice", "告示"))),
  EN(
      Map.ofEntries(
          Map.entry("HOSPITAL", "hospital"),
          Map.entry("CLINIC", "clinic"),
          Map.entry("DENTAL_CLINIC", "dental clinic"),
          Map.entry("PHARMACY", "pharmacy"),
          Map.entry("UNREGISTERED", "unregistered facility"),
          Map.entry("MEDICATION", "medication"),
          Map.entry("HEALTH_CHECKUP", "health check-ups"),
          Map.entry("CLINICAL", "clinical information"),
          Map.entry("PRESCRIPTION", "prescriptions"),
          Map.entry("DISPENSING", "dispensing"),
          Map.entry("ALLOWED", "viewed"),
          Map.entry("DENIED", "refused (nothing was shown)"),
          Map.entry("CONSENT", "your consent"),
          Map.entry("EMERGENCY_EXEMPTION", "emergency exemption (life or health at risk)"),
          Map.entry("NONE", "no consent recorded"),
          Map.entry("REGION", "disaster region activation"),
          Map.entry("FACILITY", "facility's own activation"),
          Map.entry("notice", "notice")));

  private final Map<String, String> labels;

  ReportLang(Map<String, String> labels) {
    this.labels = labels;
  }

  /** {@code ja} (also when absent) or {@code en}. */
  public static ReportLang parse(String lang) {
    if (lang == null || lang.equals("ja")) {
      return JA;
    }
    if (lang.equals("en")) {
      return EN;
    }
    throw new InvalidField("lang", "must be ja or en");
  }

  public String code() {
    return name().toLowerCase();
  }

  /** The label of a code (a facility kind, category, decision, basis or activation kind). */
  public String label(String code) {
    return code == null ? null : labels.getOrDefault(code, code);
  }
}
