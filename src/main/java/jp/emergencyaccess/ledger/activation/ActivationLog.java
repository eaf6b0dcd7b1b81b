package jp.emergencyaccess.ledger.activation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.facility.FacilityActivated;
import jp.emergencyaccess.ledger.facility.FacilityActivationExtended;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The compact history of activation: one row per change of a period, written in the transaction of
 * the event (subscribing processor). Activation questions read only this table, never the full
 * event stream, so they stay fast however many lookups the store holds.
 *
 * <p>{@link #all()} keeps the whole table in memory and reloads it only when the table has changed
 * (its row count or highest {@code seq} differ): one indexed aggregate query per question. Reading
 * the table rather than trusting an in-process flag keeps this right with several ledger nodes on
 * one database and with transactions that roll back.
 */
@Component
@ProcessingGroup(ActivationLog.GROUP)
public class ActivationLog {
  static final String GROUP = "activation-log";
  private static final String COLUMNS =
      "seq, kind, subject, change, period_from, period_until, previous_until, notice_id,"
          + " notice_series, notice_revision, application_id, at_ms, recorded_at_ms";

  private final JdbcTemplate jdbc;
  private final NoticeDirectory notices;
  private volatile Snapshot cached = new Snapshot(-1, -1, List.of());

  /** The table as last read, with its rows grouped by subject for the per-facility hot path. */
  private record Snapshot(
      long count,
      long maxSeq,
      List<ActivationChange> changes,
      Map<String, List<ActivationChange>> bySubject) {
    Snapshot(long count, long maxSeq, List<ActivationChange> changes) {
      this(
          count,
          maxSeq,
          changes,
          changes.stream()
              .collect(
                  Collectors.groupingBy(
                      c -> ActivationFold.key(c.kind(), c.subject()),
                      Collectors.collectingAndThen(Collectors.toList(), List::copyOf))));
    }
  }

  ActivationLog(JdbcTemplate jdbc, NoticeDirectory notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  @EventHandler
  void on(RegionActivated e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, ActivationChanges.of(e, notices.find(e.noticeId()).orElse(null), recordedAt));
  }

  @EventHandler
  void on(RegionActivationExtended e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, ActivationChanges.of(e, notices.find(e.noticeId()).orElse(null), recordedAt));
  }

  @EventHandler
  void on(RegionActivationEnded e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, ActivationChanges.of(e, notices.find(e.noticeId()).orElse(null), recordedAt));
  }

  @EventHandler
  void on(FacilityActivated e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, ActivationChanges.of(e, recordedAt));
  }

  @EventHandler
  void on(FacilityActivationExtended e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, ActivationChanges.of(e, recordedAt));
  }

  private void insert(EventMessage<?> message, ActivationChange c) {
    jdbc.update(
        "insert into activation_change (event_id, kind, subject, change, period_from,"
            + " period_until, previous_until, notice_id, notice_series, notice_revision,"
            + " application_id, at_ms, recorded_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message.getIdentifier(),
        c.kind().name(),
        c.subject(),
        c.change().name(),
        c.from(),
        c.until(),
        c.previousUntil(),
        c.noticeId(),
        c.series(),
        c.revision(),
        c.applicationId(),
        c.at().toEpochMilli(),
        c.recordedAt().toEpochMilli());
  }

  /**
   * Every recorded change, in recording order (served from memory while the table is unchanged).
   */
  public List<ActivationChange> all() {
    return current().changes();
  }

  private Snapshot current() {
    long[] state =
        jdbc.queryForObject(
            "select count(*), coalesce(max(seq), 0) from activation_change",
            (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
    Snapshot snapshot = cached;
    if (snapshot.count() == state[0] && snapshot.maxSeq() == state[1]) {
      return snapshot;
    }
    List<ActivationChange> changes =
        List.copyOf(
            jdbc.query(
                "select " + COLUMNS + " from activation_change order by seq", ActivationLog::row));
    long maxSeq = changes.isEmpty() ? 0 : changes.get(changes.size() - 1).seq();
    snapshot = new Snapshot(changes.size(), maxSeq, changes);
    cached = snapshot;
    return snapshot;
  }

  /** The changes of one subject, in recording order. */
  public List<ActivationChange> of(ActivationChange.Kind kind, String subject) {
    return current().bySubject().getOrDefault(ActivationFold.key(kind, subject), List.of());
  }

  /** The changes a notice made, in recording order. */
  public List<ActivationChange> ofNotice(String noticeId) {
    return all().stream().filter(c -> noticeId.equals(c.noticeId())).toList();
  }

  private static ActivationChange row(ResultSet rs, int n) throws SQLException {
    int revision = rs.getInt("notice_revision");
    Integer maybeRevision = rs.wasNull() ? null : revision;
    return new ActivationChange(
        rs.getLong("seq"),
        ActivationChange.Kind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        ActivationChange.Change.valueOf(rs.getString("change")),
        rs.getObject("period_from", java.time.LocalDate.class),
        rs.getObject("period_until", java.time.LocalDate.class),
        rs.getObject("previous_until", java.time.LocalDate.class),
        rs.getString("notice_id"),
        rs.getString("notice_series"),
        maybeRevision,
        rs.getString("application_id"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}
