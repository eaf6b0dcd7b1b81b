package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens an inquiry into one registered facility (FUND). {@code atStated} is false when the request
 * left {@code at} to the ledger's clock: a retry of such a request under the same {@code clientId}
 * matches the recorded instant ({@link jp.emergencyaccess.ledger.common.SameRequest}).
 */
public record OpenInquiry(
    @TargetAggregateIdentifier String inquiryId,
    String facilityCode,
    String reason,
    String clientId,
    Instant at,
    boolean atStated) {

  public OpenInquiry {
    InquiryIds.check("inquiryId", inquiryId);
    FacilityCode.parse("facilityCode", facilityCode);
    InquiryText.require("reason", reason);
    InquiryIds.checkClientId(clientId);
    InquiryText.requireAt(at);
  }
}
