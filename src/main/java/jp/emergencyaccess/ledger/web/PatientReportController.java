package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.infra.LedgerAccount;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReport;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReports;
import jp.emergencyaccess.ledger.patientreport.ReportCursor;
import jp.emergencyaccess.ledger.patientreport.ReportForm;
import jp.emergencyaccess.ledger.patientreport.ReportLang;
import jp.emergencyaccess.ledger.patientreport.ReportPage;
import jp.emergencyaccess.ledger.patientreport.ReportPeriod;
import jp.emergencyaccess.ledger.patientreport.ReportRequestLog;
import jp.emergencyaccess.ledger.patientreport.RequestPatientAccessReport;
import org.axonframework.common.IdentifierFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's access report (docs/patient-report.md), for the PORTAL account: the patientId comes
 * in the body only and becomes its patientRef here. A first page records the request; a next page
 * (with the cursor of the page before) continues that recorded request, for the same account,
 * patient and period, and records nothing new. {@code /print} answers the same page as HTML.
 */
@RestController
class PatientReportController {
  private final Pseudonyms pseudonyms;
  private final CommandSender commands;
  private final ReportRequestLog requests;
  private final PatientAccessReports reports;
  private final Clock clock;

  PatientReportController(
      Pseudonyms pseudonyms,
      CommandSender commands,
      ReportRequestLog requests,
      PatientAccessReports reports,
      Clock clock) {
    this.pseudonyms = pseudonyms;
    this.commands = commands;
    this.requests = requests;
    this.reports = reports;
    this.clock = clock;
  }

  record ReportBody(
      String patientId, LocalDate from, LocalDate to, String lang, String cursor, Integer limit) {}

  @Operation(
      summary =
          "A patient's access report: every lookup of the patient in a period, newest first, at"
              + " facility level (PORTAL, MHLW, FUND; patientId only in the body)")
  @PostMapping(
      path = PatientReportAuthorization.REPORT,
      produces = MediaType.APPLICATION_JSON_VALUE)
  PatientAccessReport report(@RequestBody ReportBody body) {
    return answer(body, ReportForm.JSON);
  }

  @Operation(summary = "The same patient access report as a printable Japanese HTML page")
  @ApiResponse(
      responseCode = "200",
      description = "The report's rows as an HTML page",
      content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
  @PostMapping(PatientReportAuthorization.PRINT)
  ResponseEntity<String> print(@RequestBody ReportBody body) {
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        .body(ReportPage.html(answer(body, ReportForm.HTML)));
  }

  private PatientAccessReport answer(ReportBody body, ReportForm form) {
    String patientRef = pseudonyms.refOf(body.patientId());
    ReportPeriod period = new ReportPeriod(body.from(), body.to());
    ReportLang lang = ReportLang.parse(body.lang());
    LedgerAccount account = CurrentAccount.get();
    if (body.cursor() != null) {
      ReportCursor cursor = ReportCursor.decode("cursor", body.cursor());
      ReportRequestLog.Entry request =
          requests
              .find(cursor.reportId())
              .filter(r -> r.requestedBy().equals(account.getUsername()))
              .filter(r -> r.patientRef().equals(patientRef) && r.period().equals(period))
              .orElseThrow(
                  () ->
                      new InvalidField(
                          "cursor", "continues another report (account, patient or period)"));
      return reports.page(request, lang, cursor.after(), cursor.limit());
    }
    int limit = body.limit() == null ? PatientAccessReports.DEFAULT_PAGE : body.limit();
    if (limit < 1 || limit > PatientAccessReports.MAX_PAGE) {
      throw new InvalidField("limit", "must be 1–" + PatientAccessReports.MAX_PAGE);
    }
    String reportId = IdentifierFactory.getInstance().generateIdentifier();
    commands.send(
        new RequestPatientAccessReport(
            reportId,
            account.getUsername(),
            account.role().name(),
            patientRef,
            period,
            form,
            clock.instant()));
    ReportRequestLog.Entry request =
        requests
            .find(reportId)
            .orElseThrow(() -> new IllegalStateException("report request not recorded"));
    return reports.page(request, lang, null, limit);
  }
}
