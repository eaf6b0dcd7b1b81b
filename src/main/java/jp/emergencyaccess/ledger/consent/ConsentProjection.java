package jp.emergencyaccess.ledger.consent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * One row per consent, written in the consent event's transaction (subscribing processor): the
 * access decision reads it by primary key, so a consent counts the moment it is recorded.
 */
@Component
@ProcessingGroup(ConsentProjection.GROUP)
class ConsentProjection implements ConsentDirectory {
  static final String GROUP = "consents";
  private static final String COLUMNS =
      "consent_id, facility_code, patient_ref, basis, identification, recorded_by, at_ms,"
          + " withdrawn_at_ms";

  private final JdbcTemplate jdbc;

  ConsentProjection(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from consent");
  }

  @EventHandler
  void on(ConsentRecorded e, @Timestamp Instant recordedAt) {
    jdbc.update(
        "insert into consent (consent_id, facility_code, patient_ref, basis, identification,"
            + " exemption_reason, recorded_by, at_ms, recorded_at_ms) values (?, ?, ?, ?, ?, ?,"
            + " ?, ?, ?)",
        e.consentId(),
        e.facilityCode(),
        e.patientRef(),
        e.basis().name(),
        e.identification().name(),
        e.exemptionReason(),
        e.recordedBy(),
        e.at().toEpochMilli(),
        recordedAt.toEpochMilli());
  }

  @EventHandler
  void on(ConsentWithdrawn e) {
    jdbc.update(
        "update consent set withdrawn_at_ms = ? where consent_id = ?",
        e.at().toEpochMilli(),
        e.consentId());
  }

  @Override
  public Optional<ConsentSummary> find(String consentId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from consent where consent_id = ?",
            ConsentProjection::row,
            consentId)
        .stream()
        .findFirst();
  }

  private static ConsentSummary row(ResultSet rs, int n) throws SQLException {
    long withdrawn = rs.getLong("withdrawn_at_ms");
    Instant withdrawnAt = rs.wasNull() ? null : Instant.ofEpochMilli(withdrawn);
    return new ConsentSummary(
        rs.getString("consent_id"),
        rs.getString("facility_code"),
        rs.getString("patient_ref"),
        ConsentBasis.valueOf(rs.getString("basis")),
        Identification.valueOf(rs.getString("identification")),
        rs.getString("recorded_by"),
        Instant.ofEpochMilli(rs.getLong("at_ms")),
        withdrawnAt);
  }
}
