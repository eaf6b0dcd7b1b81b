package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.TextRules;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.history.AccessFlag;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import jp.emergencyaccess.ledger.workbench.DrillDowns;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The drill-downs of the workbench (docs/workbench.md): one patient across every facility (FUND,
 * MHLW; the patientId comes in the body, is turned into its patientRef and is never stored or
 * answered) and one viewer within a facility (FUND, MHLW, the facility itself). Each is recorded in
 * the auditors' log before it is answered.
 */
@RestController
class DrillDownController {
  private final DrillDowns drillDowns;
  private final Pseudonyms pseudonyms;
  private final FacilityDirectory facilities;
  private final InputDates dates;
  private final AuditorsLog auditors;

  DrillDownController(
      DrillDowns drillDowns,
      Pseudonyms pseudonyms,
      FacilityDirectory facilities,
      InputDates dates,
      AuditorsLog auditors) {
    this.drillDowns = drillDowns;
    this.pseudonyms = pseudonyms;
    this.facilities = facilities;
    this.dates = dates;
    this.auditors = auditors;
  }

  record PatientRequest(String patientId, OffsetDateTime from, OffsetDateTime to, Integer limit) {}

  record LookupAnswer(
      String viewId,
      String facilityCode,
      OffsetDateTime at,
      String viewerId,
      String viewerRole,
      String patientRef,
      String decision,
      String consentBasis,
      boolean repeatedPatient) {
    static LookupAnswer of(AccessAttempt a) {
      Lookup l = a.lookup();
      return new LookupAnswer(
          l.viewId(),
          l.facilityCode(),
          JapanTime.render(l.at()),
          l.viewerId(),
          l.viewerRole().name(),
          l.patientRef(),
          l.decision().name(),
          l.consentBasis() == null ? null : l.consentBasis().name(),
          a.flags().contains(AccessFlag.REPEATED_PATIENT));
    }
  }

  record PatientAnswer(String patientRef, List<String> facilities, List<LookupAnswer> items) {}

  record ViewerAnswer(
      String facilityCode,
      String viewerId,
      List<LookupAnswer> items,
      Map<String, Long> perPatient,
      long denied,
      long repeatedPatient,
      long emergencyExemption) {}

  @Operation(
      summary = "One patient's lookups at every facility in time order (patientId in the body)")
  @PostMapping("/api/drilldown/patient")
  PatientAnswer patient(@Valid @RequestBody PatientRequest body) {
    String ref = pseudonyms.refOf(body.patientId());
    Instant from = body.from() == null ? null : body.from().toInstant();
    Instant to = body.to() == null ? null : body.to().toInstant();
    check(from, to);
    int limit = limit(body.limit());
    auditors.read(
        "PATIENT_DRILLDOWN",
        ref,
        AuditorsLog.filters("from", body.from(), "to", body.to(), "limit", body.limit()));
    List<AccessAttempt> lookups = drillDowns.patient(ref, from, to, limit);
    return new PatientAnswer(
        ref,
        lookups.stream().map(a -> a.lookup().facilityCode()).distinct().sorted().toList(),
        lookups.stream().map(LookupAnswer::of).toList());
  }

  @Operation(summary = "One viewer's lookups within a facility, counts per patientRef and flags")
  @GetMapping("/api/facilities/{facilityCode}/viewers/{viewerId}")
  ViewerAnswer viewer(
      @PathVariable String facilityCode,
      @PathVariable String viewerId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) Integer limit) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    CurrentAccount.requireOwnFacility(code.value());
    if (viewerId.length() > 64) {
      throw new InvalidField("viewerId", "must be at most 64 characters");
    }
    TextRules.line("viewerId", viewerId);
    Instant fromInstant = dates.instantOrDate("from", from);
    Instant toInstant = dates.instantOrDate("to", to);
    if (to != null && to.length() == 10) {
      toInstant = toInstant.plus(java.time.Duration.ofDays(1)); // a date means through that day
    }
    check(fromInstant, toInstant);
    int size = limit(limit);
    if (facilities.find(code.value()).isEmpty()) {
      throw new NotFound("facility " + code + " is not registered");
    }
    auditors.read(
        "VIEWER_DRILLDOWN",
        code.value(),
        AuditorsLog.filters("viewerId", viewerId, "from", from, "to", to, "limit", limit));
    List<AccessAttempt> lookups =
        drillDowns.viewer(code.value(), viewerId, fromInstant, toInstant, size);
    return new ViewerAnswer(
        code.value(),
        viewerId,
        lookups.stream().map(LookupAnswer::of).toList(),
        DrillDowns.perPatient(lookups),
        lookups.stream().filter(a -> !a.lookup().allowed()).count(),
        lookups.stream().filter(a -> a.flags().contains(AccessFlag.REPEATED_PATIENT)).count(),
        lookups.stream().filter(a -> a.lookup().underExemption()).count());
  }

  private void check(Instant from, Instant to) {
    if (from != null) {
      dates.check("from", from);
    }
    if (to != null) {
      dates.check("to", to);
    }
    if (from != null && to != null && !from.isBefore(to)) {
      throw new InvalidField("to", "must be after from");
    }
  }

  private static int limit(Integer limit) {
    int size = limit == null ? 500 : limit;
    if (size < 1 || size > DrillDowns.MAX_ITEMS) {
      throw new InvalidField("limit", "must be 1–" + DrillDowns.MAX_ITEMS);
    }
    return size;
  }
}
