package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Closes an inquiry with its finding; nothing can be added to it afterwards. */
public record CloseInquiry(
    @TargetAggregateIdentifier String inquiryId, Finding finding, String summary, Instant at) {

  public CloseInquiry {
    InquiryIds.check("inquiryId", inquiryId);
    if (finding == null) {
      throw new InvalidField("finding", "is required (NO_VIOLATION or VIOLATION)");
    }
    InquiryText.require("summary", summary);
    InquiryText.requireAt(at);
  }
}
