package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stops the facility's use of the function from {@code at}, for good (Art. 26). */
public record StopService(@TargetAggregateIdentifier String inquiryId, String reason, Instant at) {

  public StopService {
    InquiryIds.check("inquiryId", inquiryId);
    InquiryText.require("reason", reason);
    InquiryText.requireAt(at);
  }
}
