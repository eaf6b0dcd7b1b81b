package jp.emergencyaccess.ledger.activation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.common.ReplayedReadModel;
import jp.emergencyaccess.ledger.facility.FacilityActivated;
import jp.emergencyaccess.ledger.facility.FacilityActivationExtended;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The compact history of activation: one row per change of a period, written in the transaction of
 * the event (subscribing processor). Activation questions read only this table, never the full
 * event stream, so they stay fast however many lookups the store holds. Every question reads the
 * table in the caller's transaction (by the index on kind, subject and seq where it names
 * subjects): no node keeps a copy, so a change committed on any node is seen by the next decision
 * on every node.
 */
@Component
@ProcessingGroup(ActivationLog.GROUP)
public class ActivationLog implements ReplayedReadModel {
  static final String GROUP = "activation-log";
  private static final String COLUMNS =
      "seq, kind, subject, change, period_from, period_until, previous_until, notice_id,"
          + " notice_series, notice_revision, notice_issued_on, application_id, at_ms,"
          + " recorded_at_ms";

  private final JdbcTemplate jdbc;
  private final NoticeDirectory notices;

  ActivationLog(JdbcTemplate jdbc, NoticeDirectory notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from activation_change");
  }

  /**
   * A rebuild's rows are numbered on from the table's identity, above the rows it replaced; they
   * are shifted down to start at 1 again, so that {@code seq} (shown in region timelines) keeps the
   * values a store recorded without gaps. The order, recording order, is the same either way.
   */
  @Override
  public void replayed() {
    Long first = jdbc.queryForObject("select min(seq) from activation_change", Long.class);
    if (first != null && first > 1) {
      // Every new value is below every current one: no row collides on the way.
      jdbc.update("update activation_change set seq = seq - ?", first - 1);
    }
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
            + " notice_issued_on, application_id, at_ms, recorded_at_ms)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        c.noticeIssuedOn(),
        c.applicationId(),
        c.at().toEpochMilli(),
        c.recordedAt().toEpochMilli());
  }

  /** Every recorded change, in recording order (see {@link #all()}). */
  public List<ActivationChange> changes() {
    return all();
  }

  /** The changes of one subject, in recording order (see {@link #of}). */
  public List<ActivationChange> changesOf(ActivationChange.Kind kind, String subject) {
    return of(kind, subject);
  }

  /** The changes that cite a notice, in recording order, read from the table. */
  public List<ActivationChange> changesCiting(String noticeId) {
    return jdbc.query(
        "select " + COLUMNS + " from activation_change where notice_id = ? order by seq",
        ActivationLog::row,
        noticeId);
  }

  /**
   * The changes a facility's coverage is folded from: its municipality's, its prefecture's and its
   * own, in recording order, in one statement whose three branches each read the index on (kind,
   * subject, seq).
   */
  ActivationSnapshot coverageOf(String municipality, String prefecture, String facilityCode) {
    String branch = "select " + COLUMNS + " from activation_change where kind = ? and subject = ?";
    return ActivationSnapshot.of(
        jdbc.query(
            branch + " union all " + branch + " union all " + branch + " order by seq",
            ActivationLog::row,
            ActivationChange.Kind.REGION.name(),
            municipality,
            ActivationChange.Kind.REGION.name(),
            prefecture,
            ActivationChange.Kind.FACILITY.name(),
            facilityCode));
  }

  /** Every recorded change, in recording order, read from the table. */
  public List<ActivationChange> all() {
    return jdbc.query(
        "select " + COLUMNS + " from activation_change order by seq", ActivationLog::row);
  }

  /** The changes of one subject, in recording order, read from the table. */
  public List<ActivationChange> of(ActivationChange.Kind kind, String subject) {
    return jdbc.query(
        "select " + COLUMNS + " from activation_change where kind = ? and subject = ? order by seq",
        ActivationLog::row,
        kind.name(),
        subject);
  }

  private static ActivationChange row(ResultSet rs, int n) throws SQLException {
    int revision = rs.getInt("notice_revision");
    Integer maybeRevision = rs.wasNull() ? null : revision;
    return new ActivationChange(
        rs.getLong("seq"),
        ActivationChange.Kind.valueOf(rs.getString("kind")),
        rs.getString("subject"),
        ActivationChange.Change.valueOf(rs.getString("change")),
        rs.getObject("period_from", LocalDate.class),
        rs.getObject("period_until", LocalDate.class),
        rs.getObject("previous_until", LocalDate.class),
        rs.getString("notice_id"),
        rs.getString("notice_series"),
        maybeRevision,
        rs.getObject("notice_issued_on", LocalDate.class),
        rs.getString("application_id"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}
