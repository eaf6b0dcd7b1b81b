package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishes the name of the facility under inquiry (Art. 26). */
public record PublishFacilityName(@TargetAggregateIdentifier String inquiryId, Instant at) {

  public PublishFacilityName {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.requireAt(at);
  }
}
