package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.workbench.AlertKind;
import jp.emergencyaccess.ledger.workbench.AlertStatus;
import jp.emergencyaccess.ledger.workbench.DismissReason;

/** The workbench's codes in the words the console shows. */
final class AlertWords {
  record Choice(String code, String label) {}

  private AlertWords() {}

  static String kind(AlertKind kind) {
    return switch (kind) {
      case REPEATED_PATIENT -> "同一患者の繰り返し照会";
      case EMERGENCY_EXEMPTIONS -> "同意なし (緊急例外) の照会";
      case DENIALS -> "拒否された照会";
    };
  }

  static String status(AlertStatus status) {
    return switch (status) {
      case NEW -> "新規";
      case UNDER_REVIEW -> "確認中";
      case DISMISSED -> "却下";
      case ESCALATED -> "事案化";
    };
  }

  static String dismissal(String reason) {
    return switch (DismissReason.valueOf(reason)) {
      case CLINICALLY_JUSTIFIED -> "診療上正当";
      case DISASTER_RESPONSE -> "災害対応として説明がつく";
      case DATA_ERROR -> "試験データ・誤入力・システム障害";
      case DUPLICATE -> "他のアラートと重複";
      case OTHER -> "その他";
    };
  }

  static List<Choice> statuses() {
    return Arrays.stream(AlertStatus.values()).map(s -> new Choice(s.name(), status(s))).toList();
  }

  static List<Choice> dismissals() {
    return Arrays.stream(DismissReason.values())
        .map(r -> new Choice(r.name(), dismissal(r.name())))
        .toList();
  }
}
