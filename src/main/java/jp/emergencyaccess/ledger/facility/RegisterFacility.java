package jp.emergencyaccess.ledger.facility;

import java.time.Instant;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Registers a medical institution or pharmacy's master data (MHLW). {@code atStated} is false when
 * the request left {@code at} to the ledger's clock: a retry of such a registration matches the
 * recorded instant.
 */
public record RegisterFacility(
    @TargetAggregateIdentifier String facilityCode,
    FacilityKind kind,
    String name,
    String nameKana,
    String postalCode,
    String address,
    String municipalityCode,
    String phone,
    Instant at,
    boolean atStated) {

  public RegisterFacility {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    if (kind == null) {
      throw new InvalidField("kind", "is required");
    }
    if (code.scoreTable() != kind.scoreTable()) {
      throw new InvalidField(
          "facilityCode",
          "score-table number "
              + code.scoreTable()
              + " does not fit kind "
              + kind
              + " (expected "
              + kind.scoreTable()
              + ")");
    }
    RegionCode municipality = RegionCode.parse("municipalityCode", municipalityCode);
    if (municipality.prefectureNumber() != code.prefectureNumber()) {
      throw new InvalidField(
          "municipalityCode",
          "lies in prefecture "
              + municipality.prefectureNumber()
              + ", but the facility code is of prefecture "
              + code.prefectureNumber());
    }
    FacilityText.require("name", name, 200);
    FacilityText.require("nameKana", nameKana, 200);
    FacilityText.postalCode(postalCode);
    FacilityText.require("address", address, 300);
    FacilityText.phone(phone);
  }
}
