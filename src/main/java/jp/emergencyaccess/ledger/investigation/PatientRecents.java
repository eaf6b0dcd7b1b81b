package jp.emergencyaccess.ledger.investigation;

import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each patient's latest attempts at a facility, kept in {@code access_patient.recent} ({@link
 * RecentAttempts}): read for the patients of a batch before {@link RepeatFlags} judges it, and
 * written back with the batch's attempts and flags after. Patients are keyed by {@code
 * List.of(facilityCode, patientRef)}.
 */
@Component
class PatientRecents {
  private final JdbcTemplate jdbc;
  private final FlagThresholds thresholds;

  PatientRecents(JdbcTemplate jdbc, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.thresholds = thresholds;
  }

  private static final Comparator<RepeatJudge.Stored> BY_INSTANT =
      Comparator.comparingLong(RepeatJudge.Stored::atMs).thenComparing(RepeatJudge.Stored::viewId);

  /** How many latest attempts a patient keeps; 0 when they would not fit the column. */
  private int kept() {
    int kept = thresholds.repeatedPatient().maxAttempts() + 1;
    return kept <= 40 ? kept : 0;
  }

  /**
   * The patients of the batch already stored, each with its latest attempts (null when not kept:
   * too many to keep, or view ids the text cannot hold).
   */
  Map<List<String>, RecentAttempts> read(List<List<String>> patients) {
    Map<List<String>, RecentAttempts> known = new LinkedHashMap<>();
    for (int from = 0; from < patients.size(); from += InLists.CHUNK) {
      List<List<String>> chunk =
          patients.subList(from, Math.min(patients.size(), from + InLists.CHUNK));
      List<List<String>> padded = InLists.padded(chunk);
      List<Object> args = new ArrayList<>();
      for (List<String> patient : padded) {
        args.add(patient.get(0));
        args.add(patient.get(1));
      }
      jdbc.query(
          InLists.unionAll(
              "select facility_code, patient_ref, recent from access_patient"
                  + " where facility_code = ? and patient_ref = ?",
              padded.size()),
          rs -> {
            known.put(
                List.of(rs.getString(1), rs.getString(2)),
                kept() == 0 ? null : RecentAttempts.decode(rs.getString(3)));
          },
          args.toArray());
    }
    return known;
  }

  /** Writes each patient of the batch with its latest attempts, the new ones included. */
  void write(
      Map<List<String>, List<AttemptRow>> byPatient,
      Map<List<String>, RecentAttempts> known,
      Set<String> repeated,
      Set<String> nowRepeated) {
    int kept = kept();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          RecentAttempts before = known.get(key);
          // A stored patient whose latest attempts are not kept stays so: judged from its rows.
          String recent = null;
          if (kept > 0 && (before != null || !known.containsKey(key))) {
            List<RepeatJudge.Stored> all = new ArrayList<>();
            for (RepeatJudge.Stored s :
                before == null ? List.<RepeatJudge.Stored>of() : before.attempts()) {
              all.add(
                  nowRepeated.contains(s.viewId())
                      ? new RepeatJudge.Stored(s.viewId(), s.atMs(), true)
                      : s);
            }
            for (AttemptRow r : rows) {
              all.add(new RepeatJudge.Stored(r.viewId(), r.atMs(), repeated.contains(r.viewId())));
            }
            all.sort(BY_INSTANT);
            recent =
                new RecentAttempts(all.subList(Math.max(0, all.size() - kept), all.size()))
                    .encode();
          }
          if (known.containsKey(key)) {
            updates.add(new Object[] {recent, key.get(0), key.get(1)});
          } else {
            inserts.add(new Object[] {key.get(0), key.get(1), recent});
          }
        });
    jdbc.batchUpdate(
        "insert into access_patient (facility_code, patient_ref, recent) values (?, ?, ?)",
        inserts,
        new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
    jdbc.batchUpdate(
        "update access_patient set recent = ? where facility_code = ? and patient_ref = ?",
        updates,
        new int[] {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR});
  }
}
