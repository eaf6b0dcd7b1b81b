package jp.emergencyaccess.ledger.consent;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityText;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records how a facility obtained consent (or used the exemption) and identified the patient.
 * {@code atStated} is false when the request left {@code at} to the ledger's clock: a retry of such
 * a request matches the recorded instant ({@link jp.emergencyaccess.ledger.common.SameRequest}).
 */
public record RecordConsent(
    @TargetAggregateIdentifier String consentId,
    String facilityCode,
    String patientRef,
    ConsentBasis basis,
    Identification identification,
    String exemptionReason,
    String recordedBy,
    Instant at,
    boolean atStated) {

  public RecordConsent {
    ConsentIds.check("consentId", consentId);
    FacilityCode.parse("facilityCode", facilityCode);
    if (patientRef == null || !patientRef.matches("[0-9a-f]{32}")) {
      throw new InvalidField("patientRef", "must be 32 lower-case hex characters");
    }
    if (basis == null) {
      throw new InvalidField("basis", "is required");
    }
    if (identification == null) {
      throw new InvalidField("identification", "is required");
    }
    if (basis == ConsentBasis.EMERGENCY_EXEMPTION) {
      FacilityText.requireFreeText("exemptionReason", exemptionReason, 1000);
    } else if (exemptionReason != null) {
      throw new InvalidField("exemptionReason", "is only for basis EMERGENCY_EXEMPTION");
    }
    FacilityText.require("recordedBy", recordedBy, 100);
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
  }
}
