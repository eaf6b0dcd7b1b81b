package jp.emergencyaccess.ledger.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.JapanTime;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes one batch of {@link AccessHistory} in the batch's transaction with a number of statements
 * that does not grow with the facilities' or patients' histories:
 *
 * <ol>
 *   <li>the batch without the views repeated within it; the stored attempts of its patients within
 *       a window of them, read by index (one query per 64 patients), tell which views are stored
 *       already and give REPEATED_PATIENT for the new attempts and the stored ones they make
 *       repeated ({@link RepeatFlags});
 *   <li>the rows, flags included, as one JDBC batch, and the denied ones again in {@code
 *       access_denied}; the stored rows that became repeated are flagged where they are; the keys
 *       of the repeated ones go into {@code access_repeated} (the pages of those flags read these
 *       tables, so the attempts need no index by decision or flag);
 *   <li>the running counts, summed over the batch ({@link AccessRollup#add}), and the batch's
 *       patients in {@code access_patient}.
 * </ol>
 *
 * <p>It keeps nothing between batches: every judgement reads the committed rows, so the batches of
 * a facility can be written by any node that holds its segment.
 */
@Component
class HistoryWriter {
  /** The tables of the history, emptied by a reset. */
  private static final List<String> TABLES =
      List.of(
          "access_attempt",
          "access_denied",
          "access_repeated",
          "access_day",
          "access_viewer",
          "access_patient");

  /** The categories in the order of their columns c_medication … c_dispensing in {@link #ROW}. */
  private static final List<InfoCategory> CATEGORY_COLUMNS =
      List.of(
          InfoCategory.MEDICATION,
          InfoCategory.HEALTH_CHECKUP,
          InfoCategory.CLINICAL,
          InfoCategory.PRESCRIPTION,
          InfoCategory.DISPENSING);

  /** The columns and values of an insert into access_attempt or access_denied (same columns). */
  private static final String ROW =
      " (view_id, facility_code, at_ms, day_jst,"
          + " viewer_id, viewer_role, patient_ref, categories, c_medication, c_health_checkup,"
          + " c_clinical, c_prescription, c_dispensing, consent_id, consent_basis,"
          + " identification, decision, reasons, covered_kind, covered_region, covered_notice,"
          + " covered_application, covered_chain, covered_retroactive, repeated_patient,"
          + " recorded_at_ms)"
          + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  private final JdbcTemplate jdbc;
  private final DataSource dataSource;
  private final AccessRollup rollup;
  private final RepeatFlags repeatFlags;
  private final List<HistoryListener> listeners;

  HistoryWriter(
      JdbcTemplate jdbc, DataSource dataSource, AccessRollup rollup, RepeatFlags repeatFlags) {
    this(jdbc, dataSource, rollup, repeatFlags, List.of());
  }

  @Autowired
  HistoryWriter(
      JdbcTemplate jdbc,
      DataSource dataSource,
      AccessRollup rollup,
      RepeatFlags repeatFlags,
      List<HistoryListener> listeners) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.rollup = rollup;
    this.repeatFlags = repeatFlags;
    this.listeners = List.copyOf(listeners);
  }

  /** Marks the history for emptying, in the caller's transaction (the token reset's). */
  void markReset() {
    jdbc.update("delete from access_history_reset");
    jdbc.update("insert into access_history_reset (id) values (1)");
  }

  /**
   * Writes a batch of rows; views already stored, or met earlier in the batch, are skipped. Batches
   * of different facilities may be written at the same time (the processor's segments); those of
   * one facility come one after the other, from the segment that holds it.
   */
  void write(List<AttemptRow> batch) {
    emptyIfReset();
    Map<String, AttemptRow> byView = new LinkedHashMap<>();
    for (AttemptRow row : batch) {
      byView.putIfAbsent(row.viewId(), row);
    }
    RepeatFlags.Verdict flags = repeatFlags.judge(new ArrayList<>(byView.values()));
    List<AttemptRow> fresh = flags.fresh();
    if (fresh.isEmpty()) {
      return;
    }
    insert("access_attempt", fresh, flags.repeated());
    insert(
        "access_denied",
        fresh.stream().filter(r -> !r.lookup().allowed()).toList(),
        flags.repeated());
    List<Object[]> nowRepeated =
        flags.nowRepeated().stream()
            .map(f -> new Object[] {f.facilityCode(), f.at().toEpochMilli(), f.viewId()})
            .toList();
    String key = " where facility_code = ? and at_ms = ? and view_id = ?";
    if (!nowRepeated.isEmpty()) {
      jdbc.batchUpdate("update access_attempt set repeated_patient = true" + key, nowRepeated);
      jdbc.batchUpdate("update access_denied set repeated_patient = true" + key, nowRepeated);
    }
    List<Object[]> repeated = new ArrayList<>(nowRepeated);
    for (AttemptRow row : fresh) {
      if (flags.repeated().contains(row.viewId())) {
        repeated.add(new Object[] {row.facilityCode(), row.atMs(), row.viewId()});
      }
    }
    if (!repeated.isEmpty()) {
      jdbc.batchUpdate(
          "insert into access_repeated (facility_code, at_ms, view_id) values (?, ?, ?)", repeated);
    }
    jdbc.batchUpdate(
        "insert into access_patient (facility_code, patient_ref) values (?, ?)"
            + " on conflict do nothing",
        fresh.stream()
            .map(r -> List.of(r.facilityCode(), r.patientRef()))
            .distinct()
            .map(List::toArray)
            .toList(),
        new int[] {Types.VARCHAR, Types.VARCHAR});
    rollup.add(
        fresh,
        flags.repeated(),
        flags.nowRepeated().stream()
            .map(f -> new AccessRollup.DayKey(f.facilityCode(), JapanTime.dateOf(f.at())))
            .toList());
    if (!listeners.isEmpty()) {
      List<WrittenLookup> written =
          fresh.stream()
              .map(r -> new WrittenLookup(r.lookup(), flags.repeated().contains(r.viewId())))
              .toList();
      listeners.forEach(l -> l.written(written));
    }
  }

  /**
   * After a reset (its mark committed with the new tokens), the first batch of any segment empties
   * the tables. It deletes the mark first, in the batch's transaction: the deletion holds the
   * mark's row lock until the batch commits, so another segment's first batch waits on its own
   * deletion, then deletes nothing (the row is gone) and goes on with the tables emptied once,
   * before any row of the replay. Only the batch whose deletion removed the mark empties the
   * tables, on a connection of its own, committed at once: TRUNCATE is quick on both stores, but on
   * H2 it would commit the batch's transaction halfway. If the batch fails, its deletion rolls back
   * with it and the next first batch empties the tables again, so no row of the replay is committed
   * without the mark's removal.
   */
  private void emptyIfReset() {
    Integer marks = jdbc.queryForObject("select count(*) from access_history_reset", Integer.class);
    if (marks == null || marks == 0 || jdbc.update("delete from access_history_reset") == 0) {
      return; // no reset, or another segment emptied the tables and committed meanwhile
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
  }

  private void insert(String table, List<AttemptRow> rows, Set<String> repeated) {
    if (rows.isEmpty()) {
      return;
    }
    jdbc.batchUpdate(
        "insert into " + table + ROW,
        new BatchPreparedStatementSetter() {
          @Override
          public void setValues(PreparedStatement ps, int i) throws SQLException {
            AttemptRow r = rows.get(i);
            Lookup l = r.lookup();
            ps.setString(1, l.viewId());
            ps.setString(2, l.facilityCode());
            ps.setLong(3, r.atMs());
            ps.setObject(4, r.day());
            ps.setString(5, l.viewerId());
            ps.setString(6, l.viewerRole().name());
            ps.setString(7, l.patientRef());
            ps.setString(8, CodeText.join(l.categories(), ","));
            for (int c = 0; c < CATEGORY_COLUMNS.size(); c++) {
              ps.setInt(9 + c, l.categories().contains(CATEGORY_COLUMNS.get(c)) ? 1 : 0);
            }
            text(ps, 14, l.consentId());
            text(ps, 15, l.consentBasis() == null ? null : l.consentBasis().name());
            text(ps, 16, l.identification() == null ? null : l.identification().name());
            ps.setString(17, l.decision().name());
            ps.setString(18, CodeText.join(l.reasons(), ","));
            CoveredBy covered = r.coveredBy();
            text(ps, 19, covered == null ? null : covered.kind().name());
            text(ps, 20, covered == null ? null : covered.regionCode());
            text(ps, 21, covered == null ? null : covered.noticeId());
            text(ps, 22, covered == null ? null : covered.applicationId());
            text(ps, 23, covered == null ? null : String.join(",", covered.chain()));
            if (covered == null || covered.retroactive() == null) {
              ps.setNull(24, Types.BOOLEAN);
            } else {
              ps.setBoolean(24, covered.retroactive());
            }
            ps.setBoolean(25, repeated.contains(r.viewId()));
            ps.setLong(26, r.recordedAtMs());
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
