package jp.emergencyaccess.ledger.workbench;

import java.time.Instant;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The alert queue (table {@code alert}), written in the command's transaction (subscribing
 * processor {@value GROUP}) and rebuilt from the store with the other such read models ({@code java
 * -jar … rebuild}).
 */
@Component
@ProcessingGroup(AlertQueue.GROUP)
class AlertQueue {
  static final String GROUP = "alerts";
  private final JdbcTemplate jdbc;
  private final FacilityDirectory facilities;

  AlertQueue(JdbcTemplate jdbc, FacilityDirectory facilities) {
    this.jdbc = jdbc;
    this.facilities = facilities;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from alert");
  }

  @EventHandler
  void on(AlertRaised e, @Timestamp Instant recordedAt) {
    String prefecture =
        facilities
            .find(e.facilityCode())
            .map(FacilitySummary::municipalityCode)
            .map(m -> m.substring(0, 2))
            .orElse("00");
    jdbc.update(
        "insert into alert (alert_id, kind, facility_code, prefecture, day_jst, viewer_id,"
            + " patient_ref, lookups, threshold, reasons, risk, at_ms, raised_at_ms, status,"
            + " changed_at_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        e.alertId(),
        e.kind(),
        e.facilityCode(),
        prefecture,
        e.day(),
        e.viewerId(),
        e.patientRef(),
        e.count(),
        e.threshold(),
        String.join("\n", e.reasons()),
        RiskScore.of(AlertKind.valueOf(e.kind()), e.count(), e.threshold()),
        e.at().toEpochMilli(),
        recordedAt.toEpochMilli(),
        AlertStatus.NEW.name(),
        recordedAt.toEpochMilli());
  }

  @EventHandler
  void on(AlertTaken e) {
    jdbc.update(
        "update alert set status = ?, assignee = ?, changed_by = ?, changed_at_ms = ?"
            + " where alert_id = ?",
        AlertStatus.UNDER_REVIEW.name(),
        e.assignee(),
        e.by(),
        e.at().toEpochMilli(),
        e.alertId());
  }

  @EventHandler
  void on(AlertDismissed e) {
    jdbc.update(
        "update alert set status = ?, dismiss_reason = ?, note = ?, changed_by = ?,"
            + " changed_at_ms = ? where alert_id = ?",
        AlertStatus.DISMISSED.name(),
        e.reasonCode(),
        e.note(),
        e.by(),
        e.at().toEpochMilli(),
        e.alertId());
  }

  @EventHandler
  void on(AlertEscalated e) {
    jdbc.update(
        "update alert set status = ?, inquiry_id = ?, changed_by = ?, changed_at_ms = ?"
            + " where alert_id = ?",
        AlertStatus.ESCALATED.name(),
        e.inquiryId(),
        e.by(),
        e.at().toEpochMilli(),
        e.alertId());
  }
}
