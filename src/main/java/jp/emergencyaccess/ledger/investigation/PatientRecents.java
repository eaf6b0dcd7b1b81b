package jp.emergencyaccess.ledger.investigation;

import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import jp.emergencyaccess.ledger.common.JapanTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each patient's latest attempts at a facility, kept in memory ({@link FacilityWindow}, about two
 * windows of each facility's patients) so that a batch in time order is judged by {@link
 * RepeatFlags} without reading or rewriting a row per patient. Patients are keyed by {@code
 * List.of(facilityCode, patientRef)}.
 *
 * <p>The memory is only trusted while it reflects every committed batch. Each batch records its
 * writer and number in {@code access_history_writer} (V92) in its own transaction; the next batch
 * reads them first and forgets the memory if another node, or a batch of this one that did not
 * commit, wrote last. A facility met with an empty memory is loaded from its attempts since the
 * start of its latest day less a window, by the history's key.
 */
@Component
class PatientRecents {
  private final JdbcTemplate jdbc;
  private final FlagThresholds thresholds;
  private final String writer = UUID.randomUUID().toString();
  private final Map<String, FacilityWindow> windows = new HashMap<>();

  /** How many stored patients memory remembers beyond the windows, over all facilities. */
  static final int KNOWN_PATIENTS = 200_000;

  private int knownPatients;

  private final PatientRanges ranges = new PatientRanges();

  /** The batch number the memory reflects, and the number of the batch being written. */
  private long committed = -1;

  private long writing;

  PatientRecents(JdbcTemplate jdbc, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.thresholds = thresholds;
  }

  /** How many latest attempts a patient keeps. */
  private int kept() {
    return thresholds.repeatedPatient().maxAttempts() + 1;
  }

  private long windowMs() {
    return thresholds.repeatedPatient().window().toMillis();
  }

  /** Forgets everything (another writer wrote last, or the history was emptied). */
  void forget() {
    windows.clear();
    knownPatients = 0;
    ranges.forget();
  }

  /**
   * Before a batch: forgets the memory if this writer did not write the last committed batch, and
   * loads the facilities of the batch that memory does not hold.
   */
  void prepare(Collection<String> facilities) {
    List<Map<String, Object>> marker =
        jdbc.queryForList("select writer, batch from access_history_writer where id = 1");
    long stored = marker.isEmpty() ? 0 : ((Number) marker.get(0).get("batch")).longValue();
    if (marker.isEmpty() || !writer.equals(marker.get(0).get("writer")) || stored != committed) {
      forget();
    }
    writing = stored + 1;
    for (String facility : facilities) {
      if (!windows.containsKey(facility)) {
        windows.put(facility, load(facility));
      }
    }
  }

  /** The facility's attempts since the start of its latest day less a window. */
  private FacilityWindow load(String facility) {
    LocalDate latest =
        jdbc.queryForObject(
            "select max(day_jst) from access_day where facility_code = ?",
            LocalDate.class,
            facility);
    if (latest == null) {
      return new FacilityWindow(Long.MIN_VALUE);
    }
    FacilityWindow window =
        new FacilityWindow(JapanTime.startOf(latest).toEpochMilli() - windowMs());
    Map<String, List<RepeatJudge.Stored>> byPatient = new HashMap<>();
    jdbc.query(
        "select patient_ref, view_id, at_ms, repeated_patient from access_attempt"
            + " where facility_code = ? and at_ms >= ?",
        rs -> {
          byPatient
              .computeIfAbsent(rs.getString(1), p -> new ArrayList<>())
              .add(new RepeatJudge.Stored(rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
        },
        facility,
        window.floorMs());
    byPatient.forEach((patient, attempts) -> window.add(patient, attempts, Set.of(), kept()));
    return window;
  }

  /**
   * Whether the attempt is later than every stored attempt of its facility (after {@link
   * #prepare}), so that it cannot be stored yet.
   */
  boolean laterThanStored(AttemptRow row) {
    FacilityWindow window = windows.get(row.facilityCode());
    return window != null && row.atMs() > window.lastMs();
  }

  /**
   * The stored attempts that matter for the patient's new attempts from {@code firstAtMs} on: none
   * for a patient without attempts since a window before them, its latest attempts if none is later
   * than {@code firstAtMs}; null when its stored rows must be read.
   */
  List<RepeatJudge.Stored> storedFor(List<String> patient, long firstAtMs) {
    FacilityWindow window = windows.get(patient.get(0));
    if (window == null || firstAtMs - windowMs() < window.floorMs()) {
      return null;
    }
    RecentAttempts recent = window.recent(patient.get(1));
    if (recent == null) {
      return List.of();
    }
    return firstAtMs >= recent.lastAtMs() ? recent.attempts() : null;
  }

  /** The patients' stored attempts read for late clusters ({@link PatientRanges}). */
  PatientRanges ranges() {
    return ranges;
  }

  /**
   * After the judgement: adds the batch's attempts to memory, inserts the patients that memory does
   * not know as stored (those stored after all are left as they are) and records this writer's
   * batch. Memory remembers up to {@value #KNOWN_PATIENTS} stored patients besides those of the
   * windows.
   */
  void write(
      Map<List<String>, List<AttemptRow>> byPatient,
      Set<String> repeated,
      Set<String> nowRepeated) {
    List<Object[]> maybeNew = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          FacilityWindow window = windows.get(key.get(0));
          if (window == null || !window.isStored(key.get(1))) {
            maybeNew.add(new Object[] {key.get(0), key.get(1)});
            if (window != null && knownPatients < KNOWN_PATIENTS && window.markStored(key.get(1))) {
              knownPatients++;
            }
          }
          List<RepeatJudge.Stored> attempts = new ArrayList<>();
          for (AttemptRow r : rows) {
            attempts.add(
                new RepeatJudge.Stored(r.viewId(), r.atMs(), repeated.contains(r.viewId())));
          }
          if (window != null) {
            window.add(key.get(1), attempts, nowRepeated, kept());
          }
          ranges.add(key, attempts, nowRepeated);
        });
    // Only the batch's facilities have new attempts, so only their windows can need pruning.
    byPatient.keySet().stream()
        .map(key -> windows.get(key.get(0)))
        .filter(Objects::nonNull)
        .distinct()
        .forEach(window -> window.prune(windowMs()));
    jdbc.batchUpdate(
        "insert into access_patient (facility_code, patient_ref) values (?, ?)"
            + " on conflict do nothing",
        maybeNew,
        new int[] {Types.VARCHAR, Types.VARCHAR});
    if (jdbc.update(
            "update access_history_writer set writer = ?, batch = ? where id = 1", writer, writing)
        == 0) {
      jdbc.update(
          "insert into access_history_writer (id, writer, batch) values (1, ?, ?)",
          writer,
          writing);
    }
    committed = writing; // if the transaction does not commit, the next batch forgets the memory
  }
}
