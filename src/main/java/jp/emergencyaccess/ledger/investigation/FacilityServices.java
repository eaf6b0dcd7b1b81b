package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;

/**
 * The facility's service, one state per facility whichever inquiry acts on it: the inquiry checks
 * its own rules, then hands the measure to this, which judges the service rules and records the
 * measure in the same unit of work (implemented by {@link FacilityServiceMeasures} over the {@link
 * FacilityService} aggregate).
 */
public interface FacilityServices {
  void suspend(String inquiryId, String facilityCode, String reason, Instant at);

  void stop(String inquiryId, String facilityCode, String reason, Instant at);

  void resume(String inquiryId, String facilityCode, Instant at);
}
