package jp.emergencyaccess.ledger.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applications and their decisions, written in the command's transaction (subscribing processor): a
 * decision may follow its submission at once.
 */
@Component
@ProcessingGroup(ApplicationProjection.GROUP)
class ApplicationProjection implements ApplicationDirectory, ApplicationQueue {
  static final String GROUP = "applications";
  private static final String COLUMNS =
      "application_id, facility_code, kind, name, name_kana, postal_code, address, phone, reason,"
          + " requested_from, requested_until, medical_care_only, authorized_viewers_only,"
          + " sanctions_acknowledged, applicant_name, applicant_address, client_id,"
          + " submitted_by, at_ms, recorded_at_ms, status, granted_from, granted_until,"
          + " rejection_reason, decided_by, decided_at_ms";

  private final JdbcTemplate jdbc;

  ApplicationProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from application");
  }

  @EventHandler
  void on(ActivationApplicationSubmitted e, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into application (application_id, facility_code, kind, name, name_kana,"
            + " postal_code, address, phone, reason, requested_from, requested_until,"
            + " medical_care_only, authorized_viewers_only, sanctions_acknowledged,"
            + " applicant_name, applicant_address, client_id, submitted_by, at_ms,"
            + " recorded_at_ms, status) values"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED')",
        e.applicationId(),
        e.facilityCode(),
        e.kind().name(),
        e.name(),
        e.nameKana(),
        e.postalCode(),
        e.address(),
        e.phone(),
        e.reason(),
        e.requestedFrom(),
        e.requestedUntil(),
        e.attestations().medicalCareOnly(),
        e.attestations().authorizedViewersOnly(),
        e.attestations().sanctionsAcknowledged(),
        e.applicant().name(),
        e.applicant().address(),
        e.clientId(),
        e.submittedBy(),
        e.at().toEpochMilli(),
        recordedAt.toEpochMilli());
  }

  @EventHandler
  void on(ActivationApplicationApproved e) {
    jdbc.update(
        "update application set status = 'APPROVED', granted_from = ?, granted_until = ?,"
            + " decided_by = ?, decided_at_ms = ? where application_id = ?",
        e.from(),
        e.until(),
        e.decidedBy(),
        e.at().toEpochMilli(),
        e.applicationId());
  }

  @EventHandler
  void on(ActivationApplicationRejected e) {
    jdbc.update(
        "update application set status = 'REJECTED', rejection_reason = ?, decided_by = ?,"
            + " decided_at_ms = ? where application_id = ?",
        e.reason(),
        e.decidedBy(),
        e.at().toEpochMilli(),
        e.applicationId());
  }

  @Override
  public Optional<ApplicationSummary> find(String applicationId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from application where application_id = ?",
            ApplicationProjection::row,
            applicationId)
        .stream()
        .findFirst();
  }

  @Override
  public List<ApplicationSummary> list(ApplicationSummary.Status status, int limit) {
    String order =
        status == ApplicationSummary.Status.SUBMITTED
            ? " order by at_ms, application_id"
            : " order by decided_at_ms desc, application_id";
    return jdbc.query(
        "select " + COLUMNS + " from application where status = ?" + order + " limit ?",
        ApplicationProjection::row,
        status.name(),
        limit);
  }

  private static ApplicationSummary row(ResultSet rs, int n) throws SQLException {
    var form =
        new ActivationApplicationSubmitted(
            rs.getString("application_id"),
            rs.getString("facility_code"),
            FacilityKind.valueOf(rs.getString("kind")),
            rs.getString("name"),
            rs.getString("name_kana"),
            rs.getString("postal_code"),
            rs.getString("address"),
            rs.getString("phone"),
            rs.getString("reason"),
            rs.getObject("requested_from", LocalDate.class),
            rs.getObject("requested_until", LocalDate.class),
            new Attestations(
                rs.getBoolean("medical_care_only"),
                rs.getBoolean("authorized_viewers_only"),
                rs.getBoolean("sanctions_acknowledged")),
            new Applicant(rs.getString("applicant_name"), rs.getString("applicant_address")),
            rs.getString("client_id"),
            rs.getString("submitted_by"),
            Instant.ofEpochMilli(rs.getLong("at_ms")));
    long decidedAt = rs.getLong("decided_at_ms");
    Instant decided = rs.wasNull() ? null : Instant.ofEpochMilli(decidedAt);
    return new ApplicationSummary(
        form,
        Instant.ofEpochMilli(rs.getLong("recorded_at_ms")),
        ApplicationSummary.Status.valueOf(rs.getString("status")),
        rs.getObject("granted_from", LocalDate.class),
        rs.getObject("granted_until", LocalDate.class),
        rs.getString("rejection_reason"),
        rs.getString("decided_by"),
        decided);
  }
}
