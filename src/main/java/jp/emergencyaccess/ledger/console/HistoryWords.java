package jp.emergencyaccess.ledger.console;

import java.util.List;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.history.AccessFlag;

/** The access history's codes in the words an auditor reads on the facility's page. */
final class HistoryWords {
  record Choice(String code, String label) {}

  private HistoryWords() {}

  static String category(String code) {
    return switch (InfoCategory.valueOf(code)) {
      case MEDICATION -> "薬剤";
      case HEALTH_CHECKUP -> "特定健診";
      case CLINICAL -> "診療";
      case PRESCRIPTION -> "処方";
      case DISPENSING -> "調剤";
    };
  }

  static String reason(String code) {
    return switch (DenialReason.valueOf(code)) {
      case FACILITY_UNKNOWN -> "未登録の医療機関";
      case FACILITY_SUSPENDED -> "一時停止中";
      case NOT_ACTIVATED -> "活性化の対象外";
      case CONSENT_MISSING -> "同意の記録なし";
      case CONSENT_MISMATCH -> "同意が別の患者・施設のもの";
      case CONSENT_WITHDRAWN -> "同意の撤回後";
    };
  }

  static String flag(AccessFlag flag) {
    return switch (flag) {
      case EMERGENCY_EXEMPTION -> "緊急例外";
      case DENIED -> "拒否";
      case REPEATED_PATIENT -> "同一患者の繰り返し";
      case HIGH_VOLUME -> "照会の多い日";
    };
  }

  static String basis(String consentBasis) {
    if (consentBasis == null) {
      return "—";
    }
    return consentBasis.equals("EMERGENCY_EXEMPTION") ? "緊急例外" : "同意";
  }

  static String decision(String decision) {
    return "DENIED".equals(decision) ? "拒否" : "許可";
  }

  static List<Choice> flags() {
    return java.util.Arrays.stream(AccessFlag.values())
        .map(f -> new Choice(f.name(), flag(f)))
        .toList();
  }

  static List<Choice> decisions() {
    return List.of(new Choice("ALLOWED", "許可"), new Choice("DENIED", "拒否"));
  }
}
