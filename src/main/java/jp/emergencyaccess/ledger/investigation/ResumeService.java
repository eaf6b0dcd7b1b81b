package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lifts a suspension of the facility's service from {@code at} on. */
public record ResumeService(@TargetAggregateIdentifier String inquiryId, Instant at) {

  public ResumeService {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.requireAt(at);
  }
}
