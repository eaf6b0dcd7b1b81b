package jp.emergencyaccess.ledger.patientreport;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recorded report requests, written in the request's own transaction (subscribing processor): a
 * report's next page is read against its request the moment the first page is answered.
 */
@Component
@ProcessingGroup(ReportRequestLog.GROUP)
public class ReportRequestLog {
  static final String GROUP = "patient-report-requests";
  private static final String COLUMNS =
      "report_id, patient_ref, requested_by, requester_role, form, from_day, to_day, at_ms";

  /** One recorded request. */
  public record Entry(
      String reportId,
      String patientRef,
      String requestedBy,
      String requesterRole,
      ReportForm form,
      ReportPeriod period,
      Instant at) {}

  private final JdbcTemplate jdbc;

  ReportRequestLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @ResetHandler
  void reset() {
    jdbc.update("delete from patient_report_request");
  }

  @EventHandler
  void on(PatientAccessReportRequested e) {
    jdbc.update(
        "insert into patient_report_request (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?)",
        e.reportId(),
        e.patientRef(),
        e.requestedBy(),
        e.requesterRole(),
        e.form().name(),
        e.from(),
        e.to(),
        e.at().toEpochMilli());
  }

  public Optional<Entry> find(String reportId) {
    return jdbc
        .query(
            "select " + COLUMNS + " from patient_report_request where report_id = ?",
            ReportRequestLog::row,
            reportId)
        .stream()
        .findFirst();
  }

  /**
   * The latest requests for this patient, newest first, whatever period each asked about: a report
   * shows who asked about the patient, and those requests are made now, not in the reported period.
   */
  public List<Entry> ofPatient(String patientRef, int limit) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from patient_report_request where patient_ref = ?"
            + " order by patient_ref desc, at_ms desc, report_id desc limit ?",
        ReportRequestLog::row,
        patientRef,
        limit);
  }

  private static Entry row(ResultSet rs, int n) throws SQLException {
    return new Entry(
        rs.getString("report_id"),
        rs.getString("patient_ref"),
        rs.getString("requested_by"),
        rs.getString("requester_role"),
        ReportForm.valueOf(rs.getString("form")),
        new ReportPeriod(
            rs.getObject("from_day", LocalDate.class), rs.getObject("to_day", LocalDate.class)),
        Instant.ofEpochMilli(rs.getLong("at_ms")));
  }
}
