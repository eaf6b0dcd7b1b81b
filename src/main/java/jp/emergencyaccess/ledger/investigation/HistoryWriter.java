package jp.emergencyaccess.ledger.investigation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.common.JapanTime;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of {@link AccessHistory} in the batch's transaction with a number of statements
 * that does not grow with the facilities' or patients' histories:
 *
 * <ol>
 *   <li>the batch without the views already stored or repeated within it (one query per 64 view
 *       ids);
 *   <li>REPEATED_PATIENT: the new attempts of each patient, in clusters no two of which are within
 *       a window of each other, with the stored attempts of that patient within a window of the
 *       cluster (one query per 64 clusters) — judged in memory by {@link RepeatJudge};
 *   <li>the rows, flags included, as one JDBC batch; the stored rows that became repeated as
 *       another;
 *   <li>the running counts, summed over the batch ({@link AccessRollup#add}).
 * </ol>
 */
@Component
class HistoryWriter {
  /** The tables of the history, emptied by a reset. */
  static final List<String> TABLES =
      List.of("access_attempt", "access_day", "access_viewer", "access_patient");

  private static final int CHUNK = 64;
  private static final String INSERT =
      "insert into access_attempt (view_id, facility_code, at_ms, day_jst,"
          + " viewer_id, viewer_role, patient_ref, categories, c_medication, c_health_checkup,"
          + " c_clinical, c_prescription, c_dispensing, consent_id, consent_basis,"
          + " identification, decision, reasons, covered_kind, covered_region, covered_notice,"
          + " covered_application, repeated_patient, recorded_at_ms)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final AccessRollup rollup;
  private final FlagThresholds thresholds;

  HistoryWriter(
      JdbcTemplate jdbc, DataSource dataSource, AccessRollup rollup, FlagThresholds thresholds) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.rollup = rollup;
    this.thresholds = thresholds;
  }

  /** Marks the history for emptying, in the caller's transaction (the token reset's). */
  void markReset() {
    jdbc.update("delete from access_history_reset");
    jdbc.update("insert into access_history_reset (id) values (1)");
  }

  /** Writes a batch of rows; views already stored, or met earlier in the batch, are skipped. */
  void write(List<AttemptRow> batch) {
    emptyIfReset();
    List<AttemptRow> fresh = unknown(batch);
    if (fresh.isEmpty()) {
      return;
    }
    Set<String> repeated = new HashSet<>();
    List<Flagged> nowRepeated = new ArrayList<>();
    judgeRepeats(fresh, repeated, nowRepeated);
    insert(fresh, repeated);
    jdbc.batchUpdate(
        "update access_attempt set repeated_patient = true where view_id = ?",
        nowRepeated.stream().map(f -> new Object[] {f.viewId()}).toList());
    rollup.add(
        fresh,
        repeated,
        nowRepeated.stream()
            .map(f -> new AccessRollup.DayKey(f.facilityCode(), JapanTime.dateOf(f.at())))
            .toList());
  }

  /** A stored attempt of the facility that this batch made repeated. */
  private record Flagged(String facilityCode, String viewId, Instant at) {}

  /**
   * After a reset (its mark committed with the new token), the first batch empties the tables. It
   * does so on a connection of its own, committed at once: TRUNCATE is quick on both stores, but on
   * H2 it would commit the batch's transaction halfway. The mark is removed in the batch's
   * transaction, so if the batch fails the next attempt empties the tables again, and no row of the
   * replay is committed without the mark's removal.
   */
  private void emptyIfReset() {
    Integer marks = jdbc.queryForObject("select count(*) from access_history_reset", Integer.class);
    if (marks == null || marks == 0) {
      return;
    }
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      connection.setAutoCommit(true);
      for (String table : TABLES) {
        statement.execute("truncate table " + table);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("could not empty the access history", e);
    }
    jdbc.update("delete from access_history_reset");
  }

  /** The batch without duplicates (the first occurrence stays) and without stored views. */
  private List<AttemptRow> unknown(List<AttemptRow> batch) {
    Map<String, AttemptRow> byView = new LinkedHashMap<>();
    for (AttemptRow row : batch) {
      byView.putIfAbsent(row.viewId(), row);
    }
    List<String> ids = new ArrayList<>(byView.keySet());
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = padded(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
      jdbc.query(
          "select view_id from access_attempt where view_id in ("
              + String.join(", ", chunk.stream().map(id -> "?").toList())
              + ")",
          rs -> {
            byView.remove(rs.getString(1));
          },
          chunk.toArray());
    }
    return new ArrayList<>(byView.values());
  }

  /** The list padded with its first element to a power of two, so few statement texts exist. */
  private static <T> List<T> padded(List<T> list) {
    List<T> padded = new ArrayList<>(list);
    while (Integer.bitCount(padded.size()) != 1) {
      padded.add(list.get(0));
    }
    return padded;
  }

  /** New attempts of one patient at one facility, none further than a window from the next. */
  private record Cluster(String facilityCode, String patientRef, List<AttemptRow> rows) {
    long first() {
      return rows.get(0).atMs();
    }

    long last() {
      return rows.get(rows.size() - 1).atMs();
    }
  }

  /**
   * Judges REPEATED_PATIENT for the new rows and writes each patient's latest attempts ({@code
   * access_patient.recent}, see {@link Recent}). A cluster of new attempts no earlier than the
   * patient's latest stored one (the usual case: history arrives in time order) is judged from
   * those latest attempts alone; any other cluster reads the stored attempts within a window of it.
   */
  private void judgeRepeats(
      List<AttemptRow> fresh, Set<String> repeated, List<Flagged> nowRepeated) {
    long windowMs = thresholds.repeatedPatient().window().toMillis();
    int maxAttempts = thresholds.repeatedPatient().maxAttempts();
    Map<List<String>, List<AttemptRow>> byPatient =
        fresh.stream()
            .collect(
                Collectors.groupingBy(
                    r -> List.of(r.facilityCode(), r.patientRef()),
                    LinkedHashMap::new,
                    Collectors.toList()));
    List<List<String>> patients = new ArrayList<>(byPatient.keySet());
    Map<List<String>, Recent> known = recent(patients);
    List<Cluster> clusters = new ArrayList<>();
    List<List<RepeatJudge.Stored>> storedOf = new ArrayList<>();
    List<Cluster> toRead = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          rows.sort(Comparator.comparingLong(AttemptRow::atMs));
          Recent recent = known.get(key);
          List<AttemptRow> current = new ArrayList<>();
          for (int i = 0; i <= rows.size(); i++) {
            if (i == rows.size()
                || (!current.isEmpty()
                    && rows.get(i).atMs() - current.get(current.size() - 1).atMs() >= windowMs)) {
              Cluster cluster = new Cluster(key.get(0), key.get(1), current);
              clusters.add(cluster);
              if (!known.containsKey(key)) {
                storedOf.add(List.of()); // the patient's first attempts at the facility
              } else if (recent != null && cluster.first() >= recent.lastAtMs()) {
                storedOf.add(recent.attempts());
              } else {
                storedOf.add(null);
                toRead.add(cluster);
              }
              current = new ArrayList<>();
            }
            if (i < rows.size()) {
              current.add(rows.get(i));
            }
          }
        });
    List<List<RepeatJudge.Stored>> read = new ArrayList<>();
    for (int from = 0; from < toRead.size(); from += CHUNK) {
      read.addAll(stored(toRead.subList(from, Math.min(toRead.size(), from + CHUNK)), windowMs));
    }
    Set<String> nowRepeatedIds = new HashSet<>();
    int next = 0;
    for (int i = 0; i < clusters.size(); i++) {
      Cluster cluster = clusters.get(i);
      List<RepeatJudge.Stored> stored =
          storedOf.get(i) != null ? storedOf.get(i) : read.get(next++);
      long[] newAtMs = cluster.rows().stream().mapToLong(AttemptRow::atMs).toArray();
      RepeatJudge.Verdict verdict = RepeatJudge.judge(newAtMs, stored, windowMs, maxAttempts);
      verdict.newRepeated().forEach(n -> repeated.add(cluster.rows().get(n).viewId()));
      for (RepeatJudge.Stored now : verdict.nowRepeated()) {
        if (nowRepeatedIds.add(now.viewId())) {
          nowRepeated.add(
              new Flagged(cluster.facilityCode(), now.viewId(), Instant.ofEpochMilli(now.atMs())));
        }
      }
    }
    writeRecent(byPatient, known, repeated, nowRepeatedIds);
  }

  /**
   * The latest attempts of a patient at a facility, kept with the patient ({@code
   * access_patient.recent}, V53): the {@code maxAttempts + 1} latest by instant, with their flags.
   * For new attempts no earlier than the latest stored one, they are all the stored attempts that
   * matter: a new attempt's window holds at most these of the stored ones before the count passes
   * {@code maxAttempts}, and a stored attempt whose window a new one enters lies at the latest
   * instant and, unless already flagged, is among them.
   */
  record Recent(List<RepeatJudge.Stored> attempts) {
    long lastAtMs() {
      return attempts.isEmpty() ? Long.MIN_VALUE : attempts.get(attempts.size() - 1).atMs();
    }

    /** The text kept, or null (not kept) if a view id would break it. */
    String encode() {
      if (attempts.stream().anyMatch(a -> a.viewId().contains(",") || a.viewId().contains(";"))) {
        return null;
      }
      return attempts.stream()
          .map(a -> a.atMs() + "," + a.viewId() + "," + (a.repeated() ? 1 : 0))
          .collect(Collectors.joining(";"));
    }

    static Recent decode(String text) {
      if (text == null) {
        return null;
      }
      List<RepeatJudge.Stored> attempts = new ArrayList<>();
      for (String entry : text.isEmpty() ? new String[0] : text.split(";")) {
        String[] parts = entry.split(",");
        attempts.add(
            new RepeatJudge.Stored(parts[1], Long.parseLong(parts[0]), "1".equals(parts[2])));
      }
      return new Recent(attempts);
    }
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
   * rows written before V53, or too many to keep).
   */
  private Map<List<String>, Recent> recent(List<List<String>> patients) {
    Map<List<String>, Recent> known = new LinkedHashMap<>();
    for (int from = 0; from < patients.size(); from += CHUNK) {
      List<List<String>> chunk = patients.subList(from, Math.min(patients.size(), from + CHUNK));
      List<List<String>> padded = padded(chunk);
      StringBuilder sql = new StringBuilder();
      List<Object> args = new ArrayList<>();
      for (int i = 0; i < padded.size(); i++) {
        sql.append(i == 0 ? "" : " union all ")
            .append("select ")
            .append(i)
            .append(
                " as k, recent from access_patient where facility_code = ? and patient_ref = ?");
        args.add(padded.get(i).get(0));
        args.add(padded.get(i).get(1));
      }
      jdbc.query(
          sql.toString(),
          rs -> {
            int k = rs.getInt(1);
            if (k < chunk.size()) {
              known.put(chunk.get(k), kept() == 0 ? null : Recent.decode(rs.getString(2)));
            }
          },
          args.toArray());
    }
    return known;
  }

  /** Writes each patient of the batch with its latest attempts, the new ones included. */
  private void writeRecent(
      Map<List<String>, List<AttemptRow>> byPatient,
      Map<List<String>, Recent> known,
      Set<String> repeated,
      Set<String> nowRepeated) {
    int kept = kept();
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> updates = new ArrayList<>();
    byPatient.forEach(
        (key, rows) -> {
          Recent before = known.get(key);
          if (known.containsKey(key) && before == null && kept > 0) {
            before = latestStored(key); // kept from now on
          }
          String recent = null;
          if (kept > 0) {
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
            recent = new Recent(all.subList(Math.max(0, all.size() - kept), all.size())).encode();
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

  /** The latest stored attempts of a patient whose row does not keep them (written before V53). */
  private Recent latestStored(List<String> patient) {
    List<RepeatJudge.Stored> latest =
        new ArrayList<>(
            jdbc.query(
                "select view_id, at_ms, repeated_patient from access_attempt"
                    + " where facility_code = ? and patient_ref = ?"
                    + " order by at_ms desc, view_id desc limit ?",
                (rs, n) -> new RepeatJudge.Stored(rs.getString(1), rs.getLong(2), rs.getBoolean(3)),
                patient.get(0),
                patient.get(1),
                kept()));
    latest.sort(BY_INSTANT);
    return new Recent(latest);
  }

  /**
   * The stored attempts within a window of each cluster, by one query: a union of one indexed range
   * read per cluster (H2 would not use the patient index for an IN list of patients), padded with
   * empty reads to a power of two.
   */
  private List<List<RepeatJudge.Stored>> stored(List<Cluster> chunk, long windowMs) {
    int size = Integer.highestOneBit(chunk.size());
    size = size == chunk.size() ? size : size * 2;
    StringBuilder sql = new StringBuilder();
    List<Object> args = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      sql.append(i == 0 ? "" : " union all ")
          .append("select ")
          .append(i)
          .append(" as k, view_id, at_ms, repeated_patient from access_attempt")
          .append(" where facility_code = ? and patient_ref = ? and at_ms > ? and at_ms < ?");
      Cluster cluster = chunk.get(Math.min(i, chunk.size() - 1));
      args.add(cluster.facilityCode());
      args.add(cluster.patientRef());
      if (i < chunk.size()) {
        args.add(cluster.first() - windowMs);
        args.add(cluster.last() + windowMs);
      } else {
        args.add(0L); // an empty range: at_ms > 0 and at_ms < 0
        args.add(0L);
      }
    }
    List<List<RepeatJudge.Stored>> stored = new ArrayList<>();
    for (int i = 0; i < chunk.size(); i++) {
      stored.add(new ArrayList<>());
    }
    jdbc.query(
        sql.toString(),
        rs -> {
          stored
              .get(rs.getInt(1))
              .add(new RepeatJudge.Stored(rs.getString(2), rs.getLong(3), rs.getBoolean(4)));
        },
        args.toArray());
    return stored;
  }

  private void insert(List<AttemptRow> rows, Set<String> repeated) {
    jdbc.batchUpdate(
        INSERT,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            AttemptRow r = rows.get(i);
            ps.setString(1, r.viewId());
            ps.setString(2, r.facilityCode());
            ps.setLong(3, r.atMs());
            ps.setObject(4, r.day());
            ps.setString(5, r.viewerId());
            ps.setString(6, r.viewerRole());
            ps.setString(7, r.patientRef());
            ps.setString(
                8, r.categories().stream().map(Enum::name).collect(Collectors.joining(",")));
            int column = 9;
            for (var category : InfoCategory.values()) {
              ps.setInt(column++, r.categories().contains(category) ? 1 : 0);
            }
            text(ps, 14, r.consentId());
            text(ps, 15, r.basis() == null ? null : r.basis().name());
            text(ps, 16, r.identification());
            ps.setString(17, r.allowed() ? "ALLOWED" : "DENIED");
            ps.setString(18, r.reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
            text(ps, 19, r.coveredKind());
            text(ps, 20, r.coveredRegion());
            text(ps, 21, r.coveredNotice());
            text(ps, 22, r.coveredApplication());
            ps.setBoolean(23, repeated.contains(r.viewId()));
            ps.setLong(24, r.recordedAtMs());
          }

          @Override
          public int getBatchSize() {
            return rows.size();
          }
        });
  }

  private static void text(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
