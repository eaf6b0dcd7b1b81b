package jp.emergencyaccess.ledger.investigation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Inquiries and every event recorded on them, written in the command's transaction (subscribing
 * processor): tables {@code inquiry} and {@code inquiry_event}.
 */
@Component
@ProcessingGroup(InquiryLog.GROUP)
public class InquiryLog {
  static final String GROUP = "inquiries";
  private static final String INQUIRY_COLUMNS =
      "inquiry_id, facility_code, reason, client_id, opened_at_ms, recorded_at_ms, finding,"
          + " closing_summary, closed_at_ms";
  private static final String EVENT_COLUMNS =
      "type, inquiry_id, facility_code, text, due_on, finding, at_ms, recorded_at_ms";

  private final JdbcTemplate jdbc;

  InquiryLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from inquiry_event");
    jdbc.update("delete from inquiry");
  }

  @EventHandler
  void on(InquiryOpened e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into inquiry (inquiry_id, facility_code, reason, client_id, opened_at_ms,"
            + " recorded_at_ms) values (?, ?, ?, ?, ?, ?)",
        e.inquiryId(),
        e.facilityCode(),
        e.reason(),
        e.clientId(),
        e.at().toEpochMilli(),
        recordedAt.toEpochMilli());
    insert(message, e.inquiryId(), e.facilityCode(), e.reason(), null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(FacilityReportRecorded e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, e.inquiryId(), e.facilityCode(), e.summary(), null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(ImprovementReportRequested e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, e.inquiryId(), e.facilityCode(), null, e.dueOn(), null, e.at(), recordedAt);
  }

  @EventHandler
  void on(FacilityNamePublished e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(
        message, e.inquiryId(), e.facilityCode(), e.facilityName(), null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(FacilityServiceSuspended e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, e.inquiryId(), e.facilityCode(), e.reason(), null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(FacilityServiceStopped e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, e.inquiryId(), e.facilityCode(), e.reason(), null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(FacilityServiceResumed e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    insert(message, e.inquiryId(), e.facilityCode(), null, null, null, e.at(), recordedAt);
  }

  @EventHandler
  void on(InquiryClosed e, EventMessage<?> message, @Timestamp Instant recordedAt) {
    jdbc.update(
        "update inquiry set finding = ?, closing_summary = ?, closed_at_ms = ? where inquiry_id = ?",
        e.finding().name(),
        e.summary(),
        e.at().toEpochMilli(),
        e.inquiryId());
    insert(
        message,
        e.inquiryId(),
        e.facilityCode(),
        e.summary(),
        null,
        e.finding(),
        e.at(),
        recordedAt);
  }

  private void insert(
      EventMessage<?> message,
      String inquiryId,
      String facilityCode,
      String text,
      LocalDate dueOn,
      Finding finding,
      Instant at,
      Instant recordedAt) {
    jdbc.update(
        "insert into inquiry_event (event_id, "
            + EVENT_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        message.getIdentifier(),
        message.getPayloadType().getSimpleName(),
        inquiryId,
        facilityCode,
        text,
        dueOn,
        finding == null ? null : finding.name(),
        at.toEpochMilli(),
        recordedAt.toEpochMilli());
  }

  public Optional<InquiryRecord> find(String inquiryId) {
    return jdbc
        .query(
            "select " + INQUIRY_COLUMNS + " from inquiry where inquiry_id = ?",
            InquiryLog::inquiry,
            inquiryId)
        .stream()
        .findFirst();
  }

  /** The inquiries into one facility, or all, newest opening first. */
  public List<InquiryRecord> list(String facilityCode) {
    if (facilityCode == null) {
      return jdbc.query(
          "select " + INQUIRY_COLUMNS + " from inquiry order by opened_at_ms desc, inquiry_id",
          InquiryLog::inquiry);
    }
    return jdbc.query(
        "select "
            + INQUIRY_COLUMNS
            + " from inquiry where facility_code = ? order by opened_at_ms desc, inquiry_id",
        InquiryLog::inquiry,
        facilityCode);
  }

  /** The inquiry's events in the order they happened in the world (then as recorded). */
  public List<InquiryEntry> timeline(String inquiryId) {
    return jdbc.query(
        "select " + EVENT_COLUMNS + " from inquiry_event where inquiry_id = ? order by at_ms, seq",
        InquiryLog::entry,
        inquiryId);
  }

  /** Every publication of a facility's name, oldest first. */
  public List<InquiryEntry> publishedNames() {
    return jdbc.query(
        "select "
            + EVENT_COLUMNS
            + " from inquiry_event where type = 'FacilityNamePublished' order by at_ms, seq",
        InquiryLog::entry);
  }

  private static InquiryRecord inquiry(ResultSet rs, int n) throws SQLException {
    String finding = rs.getString("finding");
    long closedAt = rs.getLong("closed_at_ms");
    boolean open = rs.wasNull();
    return new InquiryRecord(
        rs.getString("inquiry_id"),
        rs.getString("facility_code"),
        rs.getString("reason"),
        rs.getString("client_id"),
        Instant.ofEpochMilli(rs.getLong("opened_at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")),
        finding == null ? null : Finding.valueOf(finding),
        rs.getString("closing_summary"),
        open ? null : Instant.ofEpochMilli(closedAt));
  }

  private static InquiryEntry entry(ResultSet rs, int n) throws SQLException {
    String finding = rs.getString("finding");
    return new InquiryEntry(
        rs.getString("type"),
        rs.getString("inquiry_id"),
        rs.getString("facility_code"),
        rs.getString("text"),
        rs.getObject("due_on", LocalDate.class),
        finding == null ? null : Finding.valueOf(finding),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")));
  }
}
