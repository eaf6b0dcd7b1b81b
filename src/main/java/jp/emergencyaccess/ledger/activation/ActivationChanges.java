package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import jp.emergencyaccess.ledger.facility.FacilityActivated;
import jp.emergencyaccess.ledger.facility.FacilityActivationExtended;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/**
 * How each activation event becomes one row of the compact history. Pure, so that the rows a ledger
 * records and the rows a test derives from the same events are made by the same code. The row's
 * {@code seq} is given by the table; here it is 0.
 */
public final class ActivationChanges {
  private ActivationChanges() {}

  public static ActivationChange of(RegionActivated e, NoticeSummary notice, Instant recordedAt) {
    return region(
        ActivationChange.Change.ACTIVATED,
        e.regionCode(),
        e.from(),
        e.until(),
        null,
        e.noticeId(),
        notice,
        e.at(),
        recordedAt);
  }

  public static ActivationChange of(
      RegionActivationExtended e, NoticeSummary notice, Instant recordedAt) {
    return region(
        ActivationChange.Change.EXTENDED,
        e.regionCode(),
        e.from(),
        e.until(),
        e.previousUntil(),
        e.noticeId(),
        notice,
        e.at(),
        recordedAt);
  }

  public static ActivationChange of(
      RegionActivationEnded e, NoticeSummary notice, Instant recordedAt) {
    return region(
        ActivationChange.Change.ENDED,
        e.regionCode(),
        e.from(),
        e.lastDay(),
        e.previousUntil(),
        e.noticeId(),
        notice,
        e.at(),
        recordedAt);
  }

  public static ActivationChange of(FacilityActivated e, Instant recordedAt) {
    return new ActivationChange(
        0,
        ActivationChange.Kind.FACILITY,
        e.facilityCode(),
        ActivationChange.Change.ACTIVATED,
        e.from(),
        e.until(),
        null,
        null,
        null,
        null,
        null,
        e.applicationId(),
        e.at(),
        recordedAt);
  }

  public static ActivationChange of(FacilityActivationExtended e, Instant recordedAt) {
    return new ActivationChange(
        0,
        ActivationChange.Kind.FACILITY,
        e.facilityCode(),
        ActivationChange.Change.EXTENDED,
        e.from(),
        e.until(),
        e.previousUntil(),
        null,
        null,
        null,
        null,
        e.applicationId(),
        e.at(),
        recordedAt);
  }

  /** The same change with the place the table gave it. */
  public static ActivationChange withSeq(ActivationChange c, long seq) {
    return new ActivationChange(
        seq,
        c.kind(),
        c.subject(),
        c.change(),
        c.from(),
        c.until(),
        c.previousUntil(),
        c.noticeId(),
        c.series(),
        c.revision(),
        c.noticeIssuedOn(),
        c.applicationId(),
        c.at(),
        c.recordedAt());
  }

  private static ActivationChange region(
      ActivationChange.Change change,
      String region,
      java.time.LocalDate from,
      java.time.LocalDate until,
      java.time.LocalDate previousUntil,
      String noticeId,
      NoticeSummary notice,
      Instant at,
      Instant recordedAt) {
    return new ActivationChange(
        0,
        ActivationChange.Kind.REGION,
        region,
        change,
        from,
        until,
        previousUntil,
        noticeId,
        notice == null ? null : notice.series(),
        notice == null ? null : notice.revision(),
        notice == null ? null : notice.issuedOn(),
        null,
        at,
        recordedAt);
  }
}
