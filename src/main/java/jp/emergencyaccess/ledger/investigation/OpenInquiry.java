package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens an inquiry into one registered facility (FUND). */
public record OpenInquiry(
    @TargetAggregateIdentifier String inquiryId,
    String facilityCode,
    String reason,
    String clientId,
    Instant at) {

  public OpenInquiry {
    InquiryIds.check("inquiryId", inquiryId);
    FacilityCode.parse("facilityCode", facilityCode);
    InquiryText.require("reason", reason);
    InquiryIds.checkClientId(clientId);
    InquiryText.requireAt(at);
  }
}
