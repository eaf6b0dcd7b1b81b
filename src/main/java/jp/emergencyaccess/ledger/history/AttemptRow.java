package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.access.CoveredBy;
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
    CoveredBy coveredBy,
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
    if (coveredBy != null) {
      fits("coveredKind", coveredBy.kind() == null ? null : coveredBy.kind().name(), 16, false);
      fits("coveredRegion", coveredBy.regionCode(), 6, false);
      fits("coveredNotice", coveredBy.noticeId(), 64, false);
      fits("coveredApplication", coveredBy.applicationId(), 64, false);
      fits("coveredChain", String.join(",", coveredBy.chain()), 2000, false);
    }
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
