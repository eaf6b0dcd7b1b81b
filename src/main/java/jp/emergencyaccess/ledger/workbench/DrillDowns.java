package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.history.AttemptColumns;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The drill-downs of the workbench, read from the access history's rows: one patient's lookups at
 * every facility in time order (by patientRef: the facilities from {@code access_patient}, then
 * each facility's rows by its (facility, patient, instant) index), and one viewer's lookups within
 * a facility with their counts per patientRef and flags.
 */
@Component
public class DrillDowns {
  public static final int MAX_ITEMS = 1000;
  private final JdbcTemplate jdbc;

  DrillDowns(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Every facility's lookups of one patient in [from, to), oldest first, at most {@code limit}. */
  public List<AccessAttempt> patient(String patientRef, Instant from, Instant to, int limit) {
    List<String> facilities =
        jdbc.queryForList(
            "select facility_code from access_patient where patient_ref = ? order by facility_code",
            String.class,
            patientRef);
    List<AccessAttempt> all = new ArrayList<>();
    for (String facility : facilities) {
      all.addAll(
          rows(
              "facility_code = ? and patient_ref = ?",
              List.of(facility, patientRef),
              from,
              to,
              limit));
    }
    all.sort(
        Comparator.comparing((AccessAttempt a) -> a.lookup().at())
            .thenComparing(a -> a.lookup().viewId()));
    return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
  }

  /** One viewer's lookups at one facility in [from, to), oldest first, at most {@code limit}. */
  public List<AccessAttempt> viewer(
      String facilityCode, String viewerId, Instant from, Instant to, int limit) {
    return rows(
        "facility_code = ? and viewer_id = ?", List.of(facilityCode, viewerId), from, to, limit);
  }

  /**
   * The lookups that make up an alert, oldest first, at most {@code limit}: its facility's on its
   * Japan day, those of its subject and kind (the viewer's denials, the patient's lookups, the
   * facility's lookups under the emergency exemption).
   */
  public List<AccessAttempt> behind(AlertItem alert, int limit) {
    Instant from = JapanTime.startOf(alert.day());
    Instant to = JapanTime.startOf(alert.day().plusDays(1));
    return switch (alert.kind()) {
      case DENIALS ->
          rows(
              "facility_code = ? and viewer_id = ? and decision = 'DENIED'",
              List.of(alert.facilityCode(), alert.viewerId()),
              from,
              to,
              limit);
      case REPEATED_PATIENT ->
          rows(
              "facility_code = ? and patient_ref = ?",
              List.of(alert.facilityCode(), alert.patientRef()),
              from,
              to,
              limit);
      case EMERGENCY_EXEMPTIONS ->
          rows(
              "facility_code = ? and consent_basis = 'EMERGENCY_EXEMPTION'",
              List.of(alert.facilityCode()),
              from,
              to,
              limit);
    };
  }

  /** How often each patientRef occurs among the lookups, most first. */
  public static Map<String, Long> perPatient(List<AccessAttempt> lookups) {
    Map<String, Long> counts = new TreeMap<>();
    lookups.forEach(a -> counts.merge(a.lookup().patientRef(), 1L, Long::sum));
    Map<String, Long> ordered = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> ordered.put(e.getKey(), e.getValue()));
    return ordered;
  }

  private List<AccessAttempt> rows(
      String where, List<Object> keys, Instant from, Instant to, int limit) {
    List<Object> args = new ArrayList<>(keys);
    StringBuilder sql =
        new StringBuilder(
            "select " + AttemptColumns.LIST + " from access_attempt k where " + where);
    if (from != null) {
      sql.append(" and at_ms >= ?");
      args.add(from.toEpochMilli());
    }
    if (to != null) {
      sql.append(" and at_ms < ?");
      args.add(to.toEpochMilli());
    }
    sql.append(" order by at_ms, view_id limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), (rs, i) -> AttemptColumns.read(rs), args.toArray());
  }
}
