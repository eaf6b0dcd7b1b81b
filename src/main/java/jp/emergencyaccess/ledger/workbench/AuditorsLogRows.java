package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import java.util.List;
import jp.emergencyaccess.ledger.review.ReviewRecorded;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The auditors' log (table {@code auditor_log}): every read of the logs ({@link LogRead}), every
 * triage step and every review record, with who, role, action, subject, filters and when; no
 * dismissal or review note. Written in the transaction of its event (the workbench's subscribing
 * processor) and read by MHLW only.
 */
@Component
@ProcessingGroup(AlertQueue.GROUP)
public class AuditorsLogRows {
  private final JdbcTemplate jdbc;

  AuditorsLogRows(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** One row of the auditors' log. */
  public record Entry(
      String eventId,
      String account,
      String role,
      String action,
      String subject,
      String filters,
      Instant at) {}

  @ResetHandler
  void reset() {
    jdbc.update("delete from auditor_log");
  }

  @EventHandler
  void on(LogRead e, EventMessage<?> message) {
    insert(message, e.account(), e.role(), e.action(), e.subject(), e.filters(), e.at());
  }

  @EventHandler
  void on(AlertTaken e, EventMessage<?> message) {
    insert(message, e.by(), "FUND", "ALERT_TAKEN", e.alertId(), "assignee=" + e.assignee(), e.at());
  }

  @EventHandler
  void on(AlertDismissed e, EventMessage<?> message) {
    insert(
        message,
        e.by(),
        "FUND",
        "ALERT_DISMISSED",
        e.alertId(),
        "reason=" + e.reasonCode(),
        e.at());
  }

  @EventHandler
  void on(AlertEscalated e, EventMessage<?> message) {
    insert(
        message,
        e.by(),
        "FUND",
        "ALERT_ESCALATED",
        e.alertId(),
        "inquiryId=" + e.inquiryId(),
        e.at());
  }

  @EventHandler
  void on(ReviewRecorded e, EventMessage<?> message) {
    insert(
        message,
        e.by(),
        e.role(),
        "REVIEW_RECORDED",
        e.facilityCode(),
        "finding="
            + e.finding()
            + "&from="
            + e.from()
            + "&reviewId="
            + e.reviewId()
            + "&to="
            + e.to(),
        e.at());
  }

  private void insert(
      EventMessage<?> message,
      String account,
      String role,
      String action,
      String subject,
      String filters,
      Instant at) {
    jdbc.update(
        "insert into auditor_log (event_id, account, role, action, subject, filters, at_ms,"
            + " recorded_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?)",
        message.getIdentifier(),
        account,
        role,
        action,
        subject,
        filters,
        at.toEpochMilli(),
        message.getTimestamp().toEpochMilli());
  }

  /**
   * The newest entries first (by when recorded, then event id), those before the entry {@code
   * before} (an event id) when given, of one account or all.
   */
  public List<Entry> page(String account, String before, int limit) {
    StringBuilder sql = new StringBuilder("select * from auditor_log where 1 = 1");
    List<Object> args = new java.util.ArrayList<>();
    if (account != null) {
      sql.append(" and account = ?");
      args.add(account);
    }
    if (before != null) {
      sql.append(
          " and exists (select 1 from auditor_log b where b.event_id = ? and (auditor_log.recorded_at_ms"
              + " < b.recorded_at_ms or (auditor_log.recorded_at_ms = b.recorded_at_ms"
              + " and auditor_log.event_id < b.event_id)))");
      args.add(before);
    }
    sql.append(" order by recorded_at_ms desc, event_id desc limit ?");
    args.add(limit);
    return jdbc.query(
        sql.toString(),
        (rs, i) ->
            new Entry(
                rs.getString("event_id"),
                rs.getString("account"),
                rs.getString("role"),
                rs.getString("action"),
                rs.getString("subject"),
                rs.getString("filters"),
                Instant.ofEpochMilli(rs.getLong("at_ms"))),
        args.toArray());
  }
}
