package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Rejects an application, with the reason the facility will be told (MHLW). */
public record RejectApplication(
    @TargetAggregateIdentifier String facilityCode,
    String applicationId,
    String reason,
    String decidedBy,
    Instant at) {
  public RejectApplication {
    FacilityCode.parse("facilityCode", facilityCode);
    ApplicationIds.check("applicationId", applicationId);
    FacilityText.requireFreeText("reason", reason, 2000);
  }
}
