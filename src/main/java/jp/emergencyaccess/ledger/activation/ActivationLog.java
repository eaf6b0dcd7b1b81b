package jp.emergencyaccess.ledger.activation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.emergencyaccess.ledger.facility.FacilityActivated;
import jp.emergencyaccess.ledger.facility.FacilityActivationExtended;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
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
 * event stream, so they stay fast however many lookups the store holds.
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
  private final SnapshotCache cache = new SnapshotCache();

  ActivationLog(JdbcTemplate jdbc, NoticeDirectory notices) {
    this.jdbc = jdbc;
    this.notices = notices;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from activation_change");
  }

  @EventHandler
  void on(RegionActivated e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insertRegion(
        message,
        "ACTIVATED",
        e.regionCode(),
        e.from(),
        e.until(),
        null,
        e.noticeId(),
        e.at(),
        recordedAt);
  }

  @EventHandler
  void on(RegionActivationExtended e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insertRegion(
        message,
        "EXTENDED",
        e.regionCode(),
        e.from(),
        e.until(),
        e.previousUntil(),
        e.noticeId(),
        e.at(),
        recordedAt);
  }

  @EventHandler
  void on(RegionActivationEnded e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insertRegion(
        message,
        "ENDED",
        e.regionCode(),
        e.from(),
        e.lastDay(),
        e.previousUntil(),
        e.noticeId(),
        e.at(),
        recordedAt);
  }

  @EventHandler
  void on(FacilityActivated e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(
        message.getIdentifier(),
        ActivationChange.Kind.FACILITY,
        e.facilityCode(),
        "ACTIVATED",
        e.from(),
        e.until(),
        null,
        null,
        null,
        null,
        e.applicationId(),
        e.at(),
        recordedAt);
  }

  @EventHandler
  void on(FacilityActivationExtended e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(
        message.getIdentifier(),
        ActivationChange.Kind.FACILITY,
        e.facilityCode(),
        "EXTENDED",
        e.from(),
        e.until(),
        e.previousUntil(),
        null,
        null,
        null,
        e.applicationId(),
        e.at(),
        recordedAt);
  }

  private void insertRegion(
      EventMessage<?> message,
      String change,
      String region,
      LocalDate from,
      LocalDate until,
      LocalDate previousUntil,
      String noticeId,
      Instant at,
      Instant recordedAt) {
    NoticeSummary notice = notices.find(noticeId).orElse(null);
    insert(
        message.getIdentifier(),
        ActivationChange.Kind.REGION,
        region,
        change,
        from,
        until,
        previousUntil,
        noticeId,
        notice == null ? null : notice.series(),
        notice == null ? null : notice.revision(),
        null,
        at,
        recordedAt);
  }

  private void insert(
      String eventId,
      ActivationChange.Kind kind,
      String subject,
      String change,
      LocalDate from,
      LocalDate until,
      LocalDate previousUntil,
      String noticeId,
      String series,
      Integer revision,
      String applicationId,
      Instant at,
      Instant recordedAt) {
    jdbc.update(
        "insert into activation_change (event_id, kind, subject, change, period_from,"
            + " period_until, previous_until, notice_id, notice_series, notice_revision,"
            + " application_id, at_ms, recorded_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        eventId,
        kind.name(),
        subject,
        change,
        from,
        until,
        previousUntil,
        noticeId,
        series,
        revision,
        applicationId,
        at.toEpochMilli(),
        recordedAt.toEpochMilli());
    cache.written();
  }

  /** Every recorded change, from memory unless a change was written since it was read. */
  ActivationSnapshot snapshot() {
    return cache.get(this::all);
  }

  /** Every recorded change, in recording order. */
  public List<ActivationChange> all() {
    return jdbc.query(
        "select " + COLUMNS + " from activation_change order by seq", ActivationLog::row);
  }

  /** The changes of one subject, in recording order. */
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
        rs.getString("application_id"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}
