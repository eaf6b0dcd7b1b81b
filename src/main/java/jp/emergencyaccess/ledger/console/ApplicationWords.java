package jp.emergencyaccess.ledger.console;

import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.ApplicationSummary.Status;

/** The applications' states, and the refusals of a decision, in the words the console shows. */
final class ApplicationWords {
  static final String STATE = "application.state.";

  private final ConsoleText text;

  ApplicationWords(ConsoleText text) {
    this.text = text;
  }

  String state(Status status) {
    return text.get(STATE + status.name());
  }

  List<Choice> states() {
    return Arrays.stream(Status.values()).map(s -> new Choice(s.name(), state(s))).toList();
  }

  /** An attestation as a mark and in words, so it reads without relying on the mark alone. */
  String attested(Boolean value) {
    return text.get(
        Boolean.TRUE.equals(value) ? "application.attested.yes" : "application.attested.no");
  }

  String refusal(RuleViolation e) {
    return new RefusalWords(text).rule(e, "application.rule.");
  }

  String refusal(InvalidField e) {
    return new RefusalWords(text)
        .field(e, "application.field.", "until", "application.refusal.untilBeforeFrom");
  }
}
