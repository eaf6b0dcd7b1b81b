package jp.emergencyaccess.ledger.facility;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/** Which facilities are registered, with their master data. */
public interface FacilityDirectory {
  Optional<FacilitySummary> find(String facilityCode);

  /** Which of these codes are registered. */
  Set<String> registeredAmong(Collection<String> facilityCodes);
}
