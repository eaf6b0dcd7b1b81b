package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.SnapshotReads;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.history.AccessExports;
import jp.emergencyaccess.ledger.history.AccessFlag;
import jp.emergencyaccess.ledger.history.AccessHistoryQueries;
import jp.emergencyaccess.ledger.history.AccessPage;
import jp.emergencyaccess.ledger.history.AccessQuery;
import jp.emergencyaccess.ledger.history.AccessSummary;
import jp.emergencyaccess.ledger.history.PageCursor;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * One facility's access history (SPEC §6) as JSON pages, CSV and a FHIR AuditEvent bundle. MHLW and
 * FUND read any facility's, a FACILITY account only its own; MONITOR none (access rules).
 */
@RestController
@RequestMapping("/api/facilities/{facilityCode}")
class AccessHistoryController {
  static final int DEFAULT_PAGE = 100;
  private final AccessHistoryQueries history;
  private final FacilityDirectory facilities;
  private final AccessExports exports;
  private final Clock clock;
  private final InputDates dates;
  private final AuditorsLog auditors;
  private final SnapshotReads snapshots;

  AccessHistoryController(
      AccessHistoryQueries history,
      FacilityDirectory facilities,
      AccessExports exports,
      Clock clock,
      InputDates dates,
      AuditorsLog auditors,
      SnapshotReads snapshots) {
    this.snapshots = snapshots;
    this.dates = dates;
    this.auditors = auditors;
    this.history = history;
    this.facilities = facilities;
    this.exports = exports;
    this.clock = clock;
  }

  /**
   * One attempt of the page, as a row of the CSV: its lookup, its flags and when it was recorded,
   * instants in Japan time.
   */
  record Item(
      @JsonUnwrapped @JsonIgnoreProperties("at") Lookup lookup,
      OffsetDateTime at,
      List<AccessFlag> flags,
      OffsetDateTime recordedAt) {
    static Item of(AccessAttempt a) {
      return new Item(
          a.lookup(),
          JapanTime.render(a.lookup().at()),
          a.flags(),
          JapanTime.render(a.recordedAt()));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record HistoryAnswer(
      String facilityCode,
      OffsetDateTime from,
      OffsetDateTime to,
      String decision,
      AccessFlag flag,
      List<Item> items,
      AccessSummary summary,
      String next) {}

  @Operation(
      summary = "A facility's view attempts (decisions, reasons, basis, flags) with summary counts")
  @GetMapping("/accesses")
  HistoryAnswer accesses(
      @PathVariable String facilityCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    AccessQuery query = query(facilityCode, from, to, decision, flag);
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > AccessHistoryQueries.MAX_PAGE) {
      throw new InvalidField("limit", "must be 1–" + AccessHistoryQueries.MAX_PAGE);
    }
    PageCursor after = cursor == null ? null : PageCursor.decode(cursor);
    auditors.readHistory(query.facilityCode(), from, to, decision, flag, cursor, limit);
    // The page and the summary as of one moment: a batch committed between them would be counted
    // and not listed.
    return snapshots.read(
        () -> {
          AccessPage page = history.page(query, after, size);
          return new HistoryAnswer(
              query.facilityCode(),
              JapanTime.render(query.from()),
              JapanTime.render(query.to()),
              query.decision(),
              query.flag(),
              page.items().stream().map(Item::of).toList(),
              history.summary(query),
              page.next());
        });
  }

  @Operation(summary = "A facility's view attempts as CSV (UTF-8, header row)")
  @ApiResponse(
      responseCode = "200",
      description = "The rows of GET accesses, one per line",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @GetMapping("/accesses.csv")
  ResponseEntity<StreamingResponseBody> csv(
      @PathVariable String facilityCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag) {
    AccessQuery query = query(facilityCode, from, to, decision, flag);
    auditors.read(
        "ACCESS_CSV",
        query.facilityCode(),
        AuditorsLog.filters("from", from, "to", to, "decision", decision, "flag", flag));
    StreamingResponseBody body = out -> exports.csv(query, out);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"accesses-" + query.facilityCode() + ".csv\"")
        .body(body);
  }

  @Operation(summary = "A facility's view attempts as a FHIR R4 Bundle of AuditEvent resources")
  @ApiResponse(
      responseCode = "200",
      description = "A FHIR R4 Bundle (type collection) of AuditEvent resources",
      content = @Content(mediaType = "application/fhir+json", schema = @Schema(type = "object")))
  @GetMapping("/accesses/fhir")
  ResponseEntity<StreamingResponseBody> fhir(
      @PathVariable String facilityCode,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag) {
    AccessQuery query = query(facilityCode, from, to, decision, flag);
    auditors.read(
        "ACCESS_FHIR",
        query.facilityCode(),
        AuditorsLog.filters("from", from, "to", to, "decision", decision, "flag", flag));
    Instant now = clock.instant();
    StreamingResponseBody body = out -> exports.fhir(query, out, now);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/fhir+json;charset=UTF-8"))
        .body(body);
  }

  private AccessQuery query(
      String facilityCode, String from, String to, String decision, String flag) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    CurrentAccount.requireOwnFacility(code.value());
    Instant fromInstant = dates.instantOrDate("from", from);
    Instant toInstant = dates.instantOrDate("to", to);
    if (facilities.find(code.value()).isEmpty()) {
      throw new NotFound("facility " + code + " is not registered");
    }
    if (to != null && to.length() == 10) {
      toInstant = toInstant.plus(java.time.Duration.ofDays(1)); // a date means through that day
    }
    if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
      throw new InvalidField("to", "must be after from");
    }
    if (decision != null && !decision.equals("ALLOWED") && !decision.equals("DENIED")) {
      throw new InvalidField("decision", "must be ALLOWED or DENIED");
    }
    AccessFlag accessFlag = null;
    if (flag != null) {
      try {
        accessFlag = AccessFlag.valueOf(flag);
      } catch (IllegalArgumentException e) {
        throw new InvalidField(
            "flag", "must be EMERGENCY_EXEMPTION, DENIED, REPEATED_PATIENT or HIGH_VOLUME");
      }
    }
    return new AccessQuery(code.value(), fromInstant, toInstant, decision, accessFlag);
  }
}
