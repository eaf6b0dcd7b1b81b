package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the report the facility gave when asked (Art. 25). */
public record RecordFacilityReport(
    @TargetAggregateIdentifier String inquiryId, String summary, Instant at) {

  public RecordFacilityReport {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.require("summary", summary);
    InquiryText.requireAt(at);
  }
}
