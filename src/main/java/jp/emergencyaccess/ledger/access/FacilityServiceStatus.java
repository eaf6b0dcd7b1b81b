package jp.emergencyaccess.ledger.access;

import java.time.Instant;

/**
 * Whether a facility's service was suspended or stopped (terms of use Art. 25–26) at an instant.
 * The measures themselves (suspend / stop / resume on an inquiry) belong to the investigation
 * feature, whose {@code investigation.ServiceStatusLog} implements this from the measures' events
 * (each takes effect from its {@code at}).
 */
public interface FacilityServiceStatus {
  boolean suspendedOrStoppedAt(String facilityCode, Instant at);
}
