package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Approves an application, granting a period that may differ from the one asked for (MHLW). */
public record ApproveApplication(
    @TargetAggregateIdentifier String facilityCode,
    String applicationId,
    Period granted,
    String decidedBy,
    Instant at) {
  public ApproveApplication {
    FacilityCode.parse("facilityCode", facilityCode);
    ApplicationIds.check("applicationId", applicationId);
    if (granted == null) {
      throw new InvalidField("from", "is required");
    }
  }
}
