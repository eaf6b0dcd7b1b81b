package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.workbench.AlertKind;
import jp.emergencyaccess.ledger.workbench.AlertStatus;
import jp.emergencyaccess.ledger.workbench.DismissReason;

/** The workbench's codes in the words the console shows. */
final class AlertWords {
  static final String KIND = "alert.kind.";
  static final String STATUS = "alert.status.";
  static final String DISMISSAL = "alert.dismissal.";

  private final ConsoleText text;

  AlertWords(ConsoleText text) {
    this.text = text;
  }

  String kind(AlertKind kind) {
    return text.get(KIND + kind.name());
  }

  String status(AlertStatus status) {
    return text.get(STATUS + status.name());
  }

  String dismissal(String reason) {
    return text.get(DISMISSAL + DismissReason.valueOf(reason).name());
  }

  List<Choice> statuses() {
    return Arrays.stream(AlertStatus.values()).map(s -> new Choice(s.name(), status(s))).toList();
  }

  List<Choice> dismissals() {
    return Arrays.stream(DismissReason.values())
        .map(r -> new Choice(r.name(), dismissal(r.name())))
        .toList();
  }
}
