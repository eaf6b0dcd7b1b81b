package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.history.AccessPage;
import jp.emergencyaccess.ledger.history.AuditEventBundle;
import jp.emergencyaccess.ledger.history.PatientAttempts;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.infra.LedgerAccount;
import jp.emergencyaccess.ledger.infra.Role;
import jp.emergencyaccess.ledger.patientreport.PatientAccessReports;
import jp.emergencyaccess.ledger.patientreport.ReportCursor;
import jp.emergencyaccess.ledger.patientreport.ReportForm;
import jp.emergencyaccess.ledger.patientreport.ReportPeriod;
import jp.emergencyaccess.ledger.patientreport.ReportRequestLog;
import jp.emergencyaccess.ledger.patientreport.RequestPatientAccessReport;
import org.axonframework.common.IdentifierFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The AuditEvent search of one patient, in the style of IHE ITI-81 (docs/patient-report.md): a
 * form-encoded POST with {@code patient.identifier} (the patientId, as {@code value} or {@code
 * system|value}), {@code date=ge<date>} and {@code date=le<date>} (dates in Japan, at most five
 * years) and {@code _count}. It answers a FHIR R4 searchset Bundle of the AuditEvents the access
 * history's export builds; its next link carries only {@code _cursor}, which continues the recorded
 * search for the same account. For a PORTAL account the AuditEvents carry no viewer identity.
 */
@RestController
class AuditEventSearchController {
  private static final Set<String> FIRST = Set.of("patient.identifier", "date", "_count");

  private final Pseudonyms pseudonyms;
  private final CommandSender commands;
  private final ReportRequestLog requests;
  private final PatientAttempts attempts;
  private final InputDates dates;
  private final ObjectMapper json;
  private final Clock clock;

  AuditEventSearchController(
      Pseudonyms pseudonyms,
      CommandSender commands,
      ReportRequestLog requests,
      PatientAttempts attempts,
      InputDates dates,
      ObjectMapper json,
      Clock clock) {
    this.pseudonyms = pseudonyms;
    this.commands = commands;
    this.requests = requests;
    this.attempts = attempts;
    this.dates = dates;
    this.json = json;
    this.clock = clock;
  }

  @Operation(
      summary =
          "Search one patient's AuditEvents (IHE ITI-81 style, form-encoded so the identifier"
              + " stays out of URLs): a FHIR R4 searchset Bundle with paging links")
  @ApiResponse(
      responseCode = "200",
      description = "A FHIR R4 Bundle (searchset) of AuditEvent resources",
      content = @Content(mediaType = "application/fhir+json", schema = @Schema(type = "object")))
  @PostMapping(
      path = PatientReportAuthorization.SEARCH,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<StreamingResponseBody> search(@RequestParam MultiValueMap<String, String> params) {
    LedgerAccount account = CurrentAccount.get();
    ReportRequestLog.Entry request;
    String after;
    int count;
    String cursorText = null;
    if (params.containsKey("_cursor")) {
      if (params.size() != 1 || params.get("_cursor").size() != 1) {
        throw new InvalidField("_cursor", "stands alone: a next page takes no other parameter");
      }
      cursorText = params.getFirst("_cursor");
      ReportCursor cursor = ReportCursor.decode("_cursor", cursorText);
      request =
          requests
              .find(cursor.reportId())
              .filter(r -> r.form() == ReportForm.FHIR)
              .filter(r -> r.requestedBy().equals(account.getUsername()))
              .orElseThrow(() -> new InvalidField("_cursor", "continues another search"));
      after = cursor.after();
      count = cursor.limit();
    } else {
      for (String name : params.keySet()) {
        if (!FIRST.contains(name)) {
          throw new InvalidField(name, "is not a search parameter of this server");
        }
      }
      String patientRef = patientRef(params.get("patient.identifier"));
      ReportPeriod period = period(params.get("date"));
      count = count(params.get("_count"));
      String reportId = IdentifierFactory.getInstance().generateIdentifier();
      commands.send(
          new RequestPatientAccessReport(
              reportId,
              account.getUsername(),
              account.role().name(),
              patientRef,
              period,
              ReportForm.FHIR,
              clock.instant()));
      request =
          requests
              .find(reportId)
              .orElseThrow(() -> new IllegalStateException("search request not recorded"));
      after = null;
    }
    ReportPeriod period = request.period();
    long total =
        attempts.countsByFacility(request.patientRef(), period.start(), period.end()).stream()
            .mapToLong(PatientAttempts.FacilityCount::attempts)
            .sum();
    AccessPage page =
        attempts.page(request.patientRef(), period.start(), period.end(), after, count);
    String base =
        ServletUriComponentsBuilder.fromCurrentRequestUri().replaceQuery(null).toUriString();
    String self = cursorText == null ? base : base + "?_cursor=" + cursorText;
    String next =
        page.next() == null
            ? null
            : base
                + "?_cursor="
                + new ReportCursor(request.reportId(), page.next(), count).encode();
    boolean patientFacing = account.role() == Role.PORTAL;
    Instant now = clock.instant();
    StreamingResponseBody body =
        out -> {
          try (JsonGenerator generator =
              json.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            AuditEventBundle bundle = new AuditEventBundle(generator, patientFacing);
            bundle.startSearchset(UUID.randomUUID().toString(), now, total, self, next);
            page.items().forEach(bundle::entry);
            bundle.end();
          }
        };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/fhir+json;charset=UTF-8"))
        .body(body);
  }

  private String patientRef(List<String> values) {
    if (values == null || values.size() != 1) {
      throw new InvalidField("patient.identifier", "is required, once");
    }
    String value = values.get(0);
    int bar = value.indexOf('|');
    try {
      return pseudonyms.refOf(bar < 0 ? value : value.substring(bar + 1));
    } catch (InvalidField e) {
      // The pseudonym's own message, which never repeats the identifier, under this parameter.
      throw new InvalidField("patient.identifier", e.reason());
    }
  }

  private ReportPeriod period(List<String> values) {
    LocalDate from = null;
    LocalDate to = null;
    for (String value : values == null ? List.<String>of() : values) {
      String prefix = value.length() < 2 ? "" : value.substring(0, 2);
      if (prefix.equals("ge") && from == null) {
        from = dates.date("date", value.substring(2));
      } else if (prefix.equals("le") && to == null) {
        to = dates.date("date", value.substring(2));
      } else {
        throw new InvalidField(
            "date", "must be given as date=ge<yyyy-MM-dd> and date=le<yyyy-MM-dd>, once each");
      }
    }
    if (from == null || to == null) {
      throw new InvalidField("date", "needs both date=ge<yyyy-MM-dd> and date=le<yyyy-MM-dd>");
    }
    try {
      return new ReportPeriod(from, to);
    } catch (InvalidField e) {
      throw new InvalidField("date", e.reason());
    }
  }

  private static int count(List<String> values) {
    if (values == null) {
      return PatientAccessReports.DEFAULT_PAGE;
    }
    try {
      int count = values.size() == 1 ? Integer.parseInt(values.get(0)) : -1;
      if (count >= 1 && count <= PatientAccessReports.MAX_PAGE) {
        return count;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new InvalidField("_count", "must be one number 1–" + PatientAccessReports.MAX_PAGE);
  }
}
