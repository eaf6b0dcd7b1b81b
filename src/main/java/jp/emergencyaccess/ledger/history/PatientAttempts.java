package jp.emergencyaccess.ledger.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every attempt of one patient across all facilities, for the patient's own report (patientreport):
 * pages newest first with the same keyset cursor as a facility's history, and counts per facility.
 * Read through the index by patient (V120). The rows carry no HIGH_VOLUME flag: that is a judgement
 * of a facility's whole history, which a patient's report does not show.
 */
@Component
public class PatientAttempts {

  /** In the index's own order, so that the database reads it backwards and stops after the page. */
  private static final String NEWEST_FIRST =
      " order by k.patient_ref desc, k.at_ms desc, k.view_id desc";

  /** How many attempts of the patient one facility holds in the period, and the latest one. */
  public record FacilityCount(String facilityCode, long attempts, long allowed, Instant latest) {}

  private final JdbcTemplate jdbc;

  PatientAttempts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One page of the patient's attempts in [start, end), newest first, after the cursor. */
  public AccessPage page(String patientRef, Instant start, Instant end, String cursor, int limit) {
    StringBuilder where =
        new StringBuilder(
            " from access_attempt k where k.patient_ref = ? and k.at_ms >= ? and k.at_ms < ?");
    List<Object> args =
        new ArrayList<>(List.of(patientRef, start.toEpochMilli(), end.toEpochMilli()));
    if (cursor != null) {
      PageCursor after = PageCursor.decode(cursor);
      where.append(" and k.at_ms <= ? and (k.at_ms < ? or (k.at_ms = ? and k.view_id < ?))");
      args.addAll(List.of(after.atMs(), after.atMs(), after.atMs(), after.viewId()));
    }
    args.add(limit + 1);
    List<AccessAttempt> rows =
        jdbc.query(
            "select " + AttemptColumns.LIST + where + NEWEST_FIRST + " limit ?",
            (rs, n) -> AttemptColumns.read(rs),
            args.toArray());
    if (rows.size() <= limit) {
      return new AccessPage(List.copyOf(rows), null);
    }
    List<AccessAttempt> page = rows.subList(0, limit);
    AccessAttempt last = page.get(limit - 1);
    return new AccessPage(List.copyOf(page), PageCursor.after(last).encode());
  }

  /** The patient's attempts in [start, end) per facility, most attempts first. */
  public List<FacilityCount> countsByFacility(String patientRef, Instant start, Instant end) {
    return jdbc.query(
        "select facility_code, count(*), sum(case when decision = 'ALLOWED' then 1 else 0 end),"
            + " max(at_ms) from access_attempt where patient_ref = ? and at_ms >= ? and at_ms < ?"
            + " group by facility_code order by count(*) desc, facility_code",
        (rs, n) ->
            new FacilityCount(
                rs.getString(1), rs.getLong(2), rs.getLong(3), Instant.ofEpochMilli(rs.getLong(4))),
        patientRef,
        start.toEpochMilli(),
        end.toEpochMilli());
  }
}
