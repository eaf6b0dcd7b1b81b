package jp.emergencyaccess.ledger.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The notice directory, kept in the same transaction as the event (a subscribing processor), so a
 * command may cite a notice the moment it is registered and the unique keys guard against races.
 */
@Component
@ProcessingGroup(NoticeProjection.GROUP)
class NoticeProjection implements NoticeDirectory {
  static final String GROUP = "notices";
  private static final String COLUMNS =
      "notice_id, series, revision, issued_on, title, confirmation, registered_at";

  private final JdbcTemplate jdbc;

  NoticeProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from notice");
  }

  @EventHandler
  void on(NoticeRegistered event, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into notice (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?)",
        event.noticeId(),
        event.series(),
        event.revision(),
        event.issuedOn(),
        event.title(),
        event.confirmation(),
        recordedAt.toEpochMilli());
  }

  @Override
  public Optional<NoticeSummary> find(String noticeId) {
    return one("select " + COLUMNS + " from notice where notice_id = ?", noticeId);
  }

  @Override
  public Optional<NoticeSummary> findRevision(String series, int revision) {
    return one(
        "select " + COLUMNS + " from notice where series = ? and revision = ?", series, revision);
  }

  @Override
  public List<NoticeSummary> all() {
    return jdbc.query(
        "select " + COLUMNS + " from notice order by series, revision", NoticeProjection::row);
  }

  private Optional<NoticeSummary> one(String sql, Object... args) {
    return jdbc.query(sql, NoticeProjection::row, args).stream().findFirst();
  }

  private static NoticeSummary row(ResultSet rs, int n) throws SQLException {
    return new NoticeSummary(
        rs.getString("notice_id"),
        rs.getString("series"),
        rs.getInt("revision"),
        rs.getObject("issued_on", java.time.LocalDate.class),
        rs.getString("title"),
        rs.getString("confirmation"),
        Instant.ofEpochMilli(rs.getLong("registered_at")));
  }
}
