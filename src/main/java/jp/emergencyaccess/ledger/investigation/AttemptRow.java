package jp.emergencyaccess.ledger.investigation;

import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.consent.ConsentBasis;

/**
 * One view event as the access history will store it (a row of {@code access_attempt}), buffered
 * until its batch is written by {@link HistoryWriter}.
 */
record AttemptRow(
    String viewId,
    String facilityCode,
    long atMs,
    LocalDate day,
    String viewerId,
    String viewerRole,
    String patientRef,
    List<InfoCategory> categories,
    String consentId,
    ConsentBasis basis,
    String identification,
    boolean allowed,
    List<DenialReason> reasons,
    String coveredKind,
    String coveredRegion,
    String coveredNotice,
    String coveredApplication,
    long recordedAtMs) {

  /**
   * Refuses a value its column cannot hold while the event is handled, so that the processor parks
   * that one event (and its facility's later ones) instead of failing the whole batch's write.
   */
  AttemptRow {
    fits("viewId", viewId, 64, true);
    fits("facilityCode", facilityCode, 10, true);
    fits("viewerId", viewerId, 64, true);
    fits("viewerRole", viewerRole, 24, true);
    fits("patientRef", patientRef, 64, true);
    fits("consentId", consentId, 64, false);
    fits("identification", identification, 24, false);
    fits("coveredKind", coveredKind, 16, false);
    fits("coveredRegion", coveredRegion, 6, false);
    fits("coveredNotice", coveredNotice, 64, false);
    fits("coveredApplication", coveredApplication, 64, false);
  }

  private static void fits(String field, String value, int column, boolean required) {
    if (value == null) {
      if (required) {
        throw new IllegalArgumentException(field + " is missing");
      }
    } else if (value.length() > column) {
      throw new IllegalArgumentException(
          field + " has " + value.length() + " characters, its column holds " + column);
    }
  }
}
