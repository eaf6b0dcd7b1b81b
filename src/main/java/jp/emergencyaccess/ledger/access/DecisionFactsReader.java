package jp.emergencyaccess.ledger.access;

import java.util.Optional;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.activation.FacilityCoverage;
import jp.emergencyaccess.ledger.consent.ConsentDirectory;
import jp.emergencyaccess.ledger.consent.ConsentSummary;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.springframework.stereotype.Component;

/**
 * Reads the facts of a decision from small read models kept in the events' own transactions: the
 * facility directory and consent table (by primary key), the facility's service-status rows and the
 * activation rows of the facility's three subjects (FacilityCoverage, one statement), all by index.
 * It is called inside the lookup command's unit of work, so every read runs in the decision's own
 * transaction, against what is committed on any node; nothing is kept between decisions. None of
 * the tables grows with the number of lookups.
 */
@Component
class DecisionFactsReader implements DecisionFacts {
  private final FacilityDirectory facilities;
  private final FacilityServiceStatus serviceStatus;
  private final FacilityCoverage coverage;
  private final ConsentDirectory consents;

  DecisionFactsReader(
      FacilityDirectory facilities,
      FacilityServiceStatus serviceStatus,
      FacilityCoverage coverage,
      ConsentDirectory consents) {
    this.facilities = facilities;
    this.serviceStatus = serviceStatus;
    this.coverage = coverage;
    this.consents = consents;
  }

  @Override
  public ViewFacts gather(ViewMedicalInfo command) {
    Optional<FacilitySummary> facility = facilities.find(command.facilityCode());
    ConsentSummary consent =
        command.consentId() == null ? null : consents.find(command.consentId()).orElse(null);
    return new ViewFacts(
        facility.isPresent(),
        facility.map(FacilitySummary::at).orElse(null),
        serviceStatus.suspendedOrStoppedAt(command.facilityCode(), command.at()),
        facility
            .flatMap(
                f -> coverage.of(f, command.at(), AsOf.EVERYTHING).basis().stream().findFirst())
            .map(CoveredBy::of)
            .orElse(null),
        consent);
  }
}
