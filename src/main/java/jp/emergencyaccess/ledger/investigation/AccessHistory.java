package jp.emergencyaccess.ledger.investigation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the per-facility access history from the view events (tracking processor {@value GROUP},
 * one segment, batches of many events per transaction). Rebuildable: the reset handler empties its
 * tables and a replay writes the same rows, because every value, the flags included, is computed
 * from the events' own {@code at}, never from when they are processed.
 *
 * <p>REPEATED_PATIENT is stored: when an attempt lands, every attempt of that patient at that
 * facility whose window now holds it is judged again, so the flag does not depend on the order the
 * events arrive in. HIGH_VOLUME depends on the facility's median day, which every new day moves, so
 * it is judged when asked, from the per-day counts kept here ({@link AccessHistoryQueries}).
 */
@Component
@ProcessingGroup(AccessHistory.GROUP)
public class AccessHistory {
  public static final String GROUP = "access-history";

  private final JdbcTemplate jdbc;
  private final AccessRollup rollup;
  private final FlagThresholds thresholds;

  AccessHistory(JdbcTemplate jdbc, AccessRollup rollup, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.rollup = rollup;
    this.thresholds = thresholds;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from access_attempt");
    rollup.reset();
  }

  @EventHandler
  void on(MedicalInfoViewed e, @Timestamp Instant recordedAt) {
    record(
        e.viewId(),
        e.facilityCode(),
        e.at(),
        e.viewerId(),
        e.viewerRole().name(),
        e.patientRef(),
        e.categories(),
        e.consentId(),
        e.consentBasis(),
        e.identification(),
        "ALLOWED",
        List.of(),
        e.coveredBy(),
        recordedAt);
  }

  @EventHandler
  void on(MedicalInfoViewDenied e, @Timestamp Instant recordedAt) {
    record(
        e.viewId(),
        e.facilityCode(),
        e.at(),
        e.viewerId(),
        e.viewerRole().name(),
        e.patientRef(),
        e.categories(),
        e.consentId(),
        e.consentBasis(),
        e.identification(),
        "DENIED",
        e.reasons(),
        e.coveredBy(),
        recordedAt);
  }

  private void record(
      String viewId,
      String facilityCode,
      Instant at,
      String viewerId,
      String viewerRole,
      String patientRef,
      List<InfoCategory> categories,
      String consentId,
      ConsentBasis basis,
      Identification identification,
      String decision,
      List<DenialReason> reasons,
      CoveredBy coveredBy,
      Instant recordedAt) {
    Integer known =
        jdbc.queryForObject(
            "select count(*) from access_attempt where view_id = ?", Integer.class, viewId);
    if (known != null && known > 0) {
      return; // the same attempt again: rows are keyed by view, so a redelivery changes nothing
    }
    LocalDate day = JapanTime.dateOf(at);
    jdbc.update(
        "insert into access_attempt (view_id, facility_code, at_ms, day_jst,"
            + " viewer_id, viewer_role, patient_ref, categories, c_medication, c_health_checkup,"
            + " c_clinical, c_prescription, c_dispensing, consent_id, consent_basis,"
            + " identification, decision, reasons, covered_kind, covered_region, covered_notice,"
            + " covered_application, repeated_patient, recorded_at_ms)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        viewId,
        facilityCode,
        at.toEpochMilli(),
        day,
        viewerId,
        viewerRole,
        patientRef,
        categories.stream().map(Enum::name).collect(Collectors.joining(",")),
        has(categories, InfoCategory.MEDICATION),
        has(categories, InfoCategory.HEALTH_CHECKUP),
        has(categories, InfoCategory.CLINICAL),
        has(categories, InfoCategory.PRESCRIPTION),
        has(categories, InfoCategory.DISPENSING),
        consentId,
        basis == null ? null : basis.name(),
        identification == null ? null : identification.name(),
        decision,
        reasons.stream().map(Enum::name).collect(Collectors.joining(",")),
        coveredBy == null || coveredBy.kind() == null ? null : coveredBy.kind().name(),
        coveredBy == null ? null : coveredBy.regionCode(),
        coveredBy == null ? null : coveredBy.noticeId(),
        coveredBy == null ? null : coveredBy.applicationId(),
        false,
        recordedAt.toEpochMilli());
    rollup.count(
        facilityCode,
        day,
        viewerId,
        patientRef,
        "ALLOWED".equals(decision),
        basis,
        categories,
        reasons);
    judgeRepeats(facilityCode, patientRef, at);
  }

  private static int has(List<InfoCategory> categories, InfoCategory category) {
    return categories.contains(category) ? 1 : 0;
  }

  /**
   * An attempt at {@code at} falls in the window of every attempt of the same patient from {@code
   * at} to just before {@code at + window}: those not yet flagged, and only those, are judged
   * again. Each judgement reads at most {@code maxAttempts + 1} rows, so a patient looked up
   * thousands of times costs no more per event than one looked up six times.
   */
  private void judgeRepeats(String facilityCode, String patientRef, Instant at) {
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    int maxAttempts = thresholds.repeatedPatient().maxAttempts();
    long atMs = at.toEpochMilli();
    record Candidate(String viewId, long atMs, LocalDate day) {}
    List<Candidate> candidates =
        jdbc.query(
            "select view_id, at_ms, day_jst from access_attempt"
                + " where facility_code = ? and patient_ref = ? and at_ms >= ? and at_ms < ?"
                + " and repeated_patient = false",
            (rs, n) ->
                new Candidate(rs.getString(1), rs.getLong(2), rs.getObject(3, LocalDate.class)),
            facilityCode,
            patientRef,
            atMs,
            atMs + windowMs);
    for (Candidate candidate : candidates) {
      Integer inWindow =
          jdbc.queryForObject(
              "select count(*) from (select 1 from access_attempt"
                  + " where facility_code = ? and patient_ref = ? and at_ms > ? and at_ms <= ?"
                  + " limit ?) w",
              Integer.class,
              facilityCode,
              patientRef,
              candidate.atMs() - windowMs,
              candidate.atMs(),
              maxAttempts + 1);
      if (inWindow != null && inWindow > maxAttempts) {
        jdbc.update(
            "update access_attempt set repeated_patient = true where view_id = ?",
            candidate.viewId());
        rollup.repeatFlagged(facilityCode, candidate.day());
      }
    }
  }
}
