package jp.emergencyaccess.ledger.access;

import java.time.Instant;

/**
 * Whether a facility's service was suspended or stopped (terms of use Art. 25–26) at an instant.
 * The measures themselves (suspend / stop / resume on an inquiry) come with the investigation
 * feature; until then the only implementation reads a table that nothing writes yet, so every
 * facility answers "not suspended". See {@link ServiceStatusTable}.
 */
public interface FacilityServiceStatus {
  boolean suspendedOrStoppedAt(String facilityCode, Instant at);
}
