package jp.emergencyaccess.ledger.console;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.investigation.Finding;
import jp.emergencyaccess.ledger.investigation.ServiceChange;

/** The investigation's codes, and its refusals, in the words the console shows. */
final class InquiryWords {
  /** Shown with its offset, so a time read off the page is never taken for the server's zone. */
  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ssxxx");

  /** A timeline step by its event type; a type without words is shown by its name. */
  static final String STEP = "inquiry.step.";

  static final String SERVICE = "inquiry.service.";
  static final String FINDING = "inquiry.finding.";

  private final ConsoleText text;

  InquiryWords(ConsoleText text) {
    this.text = text;
  }

  String step(String eventType) {
    String said = text.find(STEP + eventType);
    return said != null ? said : eventType;
  }

  String state(boolean closed) {
    return text.get(closed ? "inquiry.state.closed" : "inquiry.state.open");
  }

  /** No measure in force, or a resumption, is the same for the facility: in use. */
  String service(ServiceChange inForce) {
    return text.get(SERVICE + (inForce == null ? ServiceChange.RESUMED : inForce).name());
  }

  String finding(Finding finding) {
    return text.get(FINDING + finding.name());
  }

  List<Choice> findings() {
    return Arrays.stream(Finding.values()).map(f -> new Choice(f.name(), finding(f))).toList();
  }

  /** The due date of an improvement report, as a timeline step's detail. */
  String due(String dueOn) {
    return text.get("inquiry.timeline.due", dueOn);
  }

  static String time(Instant at) {
    return at == null ? null : JapanTime.render(at).format(SHOWN);
  }

  String refusal(RuleViolation e) {
    return new RefusalWords(text).rule(e, "inquiry.rule.");
  }

  String refusal(InvalidField e) {
    return new RefusalWords(text)
        .field(e, "inquiry.field.", "dueOn", "inquiry.refusal.dueBeforeRequest");
  }
}
