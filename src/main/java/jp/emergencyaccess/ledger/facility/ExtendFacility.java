package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Moves the last day of the facility's latest individual period later, citing an application. */
public record ExtendFacility(
    @TargetAggregateIdentifier String facilityCode,
    LocalDate until,
    String applicationId,
    Instant at) {
  public ExtendFacility {
    FacilityCode.parse("facilityCode", facilityCode);
    if (until == null) {
      throw new InvalidField("until", "is required");
    }
    ApplicationIds.check("applicationId", applicationId);
  }
}
