package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.JapanTime;

/**
 * One view event as the access history will store it (a row of {@code access_attempt}), buffered
 * until its batch is written by {@link HistoryWriter}. The accessors below are the row's key and
 * its patient, which the writer's judgements group and order by.
 */
record AttemptRow(Lookup lookup, long recordedAtMs) {

  /**
   * Refuses a value its column cannot hold while the event is handled, so that the processor parks
   * that one event (and its facility's later ones) instead of failing the whole batch's write.
   */
  AttemptRow {
    if (lookup.at() == null) {
      throw new IllegalArgumentException("at is missing");
    }
    try {
      lookup.at().toEpochMilli();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("at " + lookup.at() + " has no epoch millisecond", e);
    }
    fits("viewId", lookup.viewId(), 64, true);
    fits("facilityCode", lookup.facilityCode(), 10, true);
    fits("viewerId", lookup.viewerId(), 64, true);
    fits("viewerRole", lookup.viewerRole() == null ? null : lookup.viewerRole().name(), 24, true);
    fits("patientRef", lookup.patientRef(), 64, true);
    fits("consentId", lookup.consentId(), 64, false);
    fits(
        "identification",
        lookup.identification() == null ? null : lookup.identification().name(),
        24,
        false);
    CoveredBy coveredBy = coveredBy(lookup);
    if (coveredBy != null) {
      fits("coveredKind", coveredBy.kind().name(), 16, false);
      fits("coveredRegion", coveredBy.regionCode(), 6, false);
      fits("coveredNotice", coveredBy.noticeId(), 64, false);
      fits("coveredApplication", coveredBy.applicationId(), 64, false);
      fits("coveredChain", String.join(",", coveredBy.chain()), 2000, false);
    }
  }

  String viewId() {
    return lookup.viewId();
  }

  String facilityCode() {
    return lookup.facilityCode();
  }

  String patientRef() {
    return lookup.patientRef();
  }

  long atMs() {
    return lookup.at().toEpochMilli();
  }

  /** The lookup's day in Japan, the day its counts and HIGH_VOLUME belong to. */
  LocalDate day() {
    return JapanTime.dateOf(lookup.at());
  }

  /** The activation the row records, or null: a basis without a kind records none. */
  CoveredBy coveredBy() {
    return coveredBy(lookup);
  }

  private static CoveredBy coveredBy(Lookup lookup) {
    CoveredBy covered = lookup.coveredBy();
    return covered == null || covered.kind() == null ? null : covered;
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
