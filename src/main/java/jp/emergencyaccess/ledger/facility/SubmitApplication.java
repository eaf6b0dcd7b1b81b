package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Period;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submits form 別添1: a facility asks MHLW to switch the function on for it alone. {@code clientId}
 * (optional) makes the submission idempotent: the application id is derived from it. {@code
 * atStated} is false when the request left {@code at} to the ledger's clock: a retry of such a
 * request matches the recorded instant ({@link jp.emergencyaccess.ledger.common.SameRequest}).
 */
public record SubmitApplication(
    @TargetAggregateIdentifier String applicationId,
    String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String phone,
    String reason,
    Period requested,
    Attestations attestations,
    Applicant applicant,
    String clientId,
    String submittedBy,
    Instant at,
    boolean atStated) {

  public SubmitApplication {
    ApplicationIds.check("applicationId", applicationId);
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    if (kind == null) {
      throw new InvalidField("kind", "is required");
    }
    if (code.scoreTable() != kind.scoreTable()) {
      throw new InvalidField(
          "kind",
          kind
              + " needs score-table number "
              + kind.scoreTable()
              + ", the code has "
              + code.scoreTable());
    }
    FacilityText.require("name", name, 200);
    FacilityText.require("nameKana", nameKana, 200);
    FacilityText.postalCode(postalCode);
    FacilityText.require("address", address, 300);
    FacilityText.phone(phone);
    FacilityText.requireFreeText("reason", reason, 2000);
    if (requested == null) {
      throw new InvalidField("requestedFrom", "is required");
    }
    if (attestations == null) {
      throw new InvalidField("attestations", "is required");
    }
    requireAnswered("attestations.medicalCareOnly", attestations.medicalCareOnly());
    requireAnswered("attestations.authorizedViewersOnly", attestations.authorizedViewersOnly());
    requireAnswered("attestations.sanctionsAcknowledged", attestations.sanctionsAcknowledged());
    if (applicant == null) {
      throw new InvalidField("applicant", "is required");
    }
    FacilityText.require("applicant.name", applicant.name(), 200);
    FacilityText.require("applicant.address", applicant.address(), 300);
    if (clientId != null) {
      ApplicationIds.checkClientId(clientId);
    }
    if (at == null) {
      throw new InvalidField("at", "is required");
    }
  }

  private static void requireAnswered(String field, Boolean value) {
    if (value == null) {
      throw new InvalidField(field, "is required (true or false)");
    }
  }

  ActivationApplicationSubmitted toEvent() {
    return new ActivationApplicationSubmitted(
        applicationId,
        facilityCode,
        kind,
        name,
        nameKana,
        postalCode,
        address,
        phone,
        reason,
        requested.from(),
        requested.until(),
        attestations,
        applicant,
        clientId,
        submittedBy,
        at);
  }
}
