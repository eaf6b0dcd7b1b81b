package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.util.Optional;

/**
 * A facility's service status over time, from the suspend, stop and resume measures. A measure
 * takes effect from its {@code at}: a lookup one millisecond earlier is not affected, a lookup at
 * {@code at} is. Cheap enough to ask on every lookup.
 */
public interface ServiceStatus {

  /** The suspension or stop in force at that instant, or empty when the facility is in service. */
  Optional<ServiceMeasure> suspendedAt(String facilityCode, Instant at);

  /** The facility's latest recorded suspend, stop or resume, if any. */
  Optional<ServiceMeasure> latest(String facilityCode);
}
