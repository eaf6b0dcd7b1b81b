package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Asks the facility for an improvement report, due on a date in Japan (Art. 25). */
public record RequestImprovementReport(
    @TargetAggregateIdentifier String inquiryId, LocalDate dueOn, Instant at) {

  public RequestImprovementReport {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.requireAt(at);
    if (dueOn == null) {
      throw new InvalidField("dueOn", "is required");
    }
    if (dueOn.isBefore(JapanTime.dateOf(at))) {
      throw new InvalidField(
          "dueOn", "must not be before the day of the request (" + JapanTime.dateOf(at) + ")");
    }
  }
}
