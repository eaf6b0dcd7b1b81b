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
 * facility directory and consent table (by primary key), the service-status table and the in-memory
 * activation history of the facility's three subjects (FacilityCoverage). None of them grows with
 * the number of lookups.
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
