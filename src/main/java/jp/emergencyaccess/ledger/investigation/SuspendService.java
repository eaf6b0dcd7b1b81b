package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Suspends the facility's use of the function from {@code at} until it is resumed (Art. 26). */
public record SuspendService(
    @TargetAggregateIdentifier String inquiryId, String reason, Instant at) {

  public SuspendService {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.require("reason", reason);
    InquiryText.requireAt(at);
  }
}
