package jp.emergencyaccess.ledger.facility;

import java.util.Optional;

/** Which facilities are registered, with their master data. */
public interface FacilityDirectory {
  Optional<FacilitySummary> find(String facilityCode);
}
