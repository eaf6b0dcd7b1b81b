package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.access.Lookup;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.ActivePeriod;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.common.SnapshotReads;
import jp.emergencyaccess.ledger.common.TextRules;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.history.AccessExports;
import jp.emergencyaccess.ledger.history.AccessFlag;
import jp.emergencyaccess.ledger.history.AccessHistoryQueries;
import jp.emergencyaccess.ledger.history.AccessPage;
import jp.emergencyaccess.ledger.history.AccessQuery;
import jp.emergencyaccess.ledger.history.AccessSummary;
import jp.emergencyaccess.ledger.history.DayCount;
import jp.emergencyaccess.ledger.history.PageCursor;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import jp.emergencyaccess.ledger.workbench.DrillDowns;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.util.UriUtils;

/**
 * 施設の照会履歴: one facility's fact-check page. The daily lookups (allowed, denied, under the emergency
 * exemption) as a chart with the days its activations covered shaded behind and as a table; the
 * history with its flags and filters, newest first; a drill-down to one viewer of the facility or
 * to one patientRef across facilities; the CSV and FHIR downloads of the selection. Every read is
 * recorded in the auditors' log as the API's are ({@code ACCESS_HISTORY}, {@code VIEWER_DRILLDOWN},
 * {@code PATIENT_DRILLDOWN}, {@code ACCESS_CSV}, {@code ACCESS_FHIR}); a filter the ledger refuses
 * is said on the page and records nothing.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class FacilityConsole {
  static final int PAGE = 100;
  static final int DRILL_DOWN = 500;
  private static final Pattern PATIENT_REF = Pattern.compile("[0-9a-f]{32}");

  private final FacilityDirectory facilities;
  private final AccessHistoryQueries history;
  private final AccessExports exports;
  private final ActivationQueries activation;
  private final RegionNames regions;
  private final DrillDowns drillDowns;
  private final AuditorsLog auditors;
  private final SnapshotReads snapshots;
  private final Clock clock;
  private final MessageSource messages;

  FacilityConsole(
      FacilityDirectory facilities,
      AccessHistoryQueries history,
      AccessExports exports,
      ActivationQueries activation,
      RegionNames regions,
      DrillDowns drillDowns,
      AuditorsLog auditors,
      SnapshotReads snapshots,
      Clock clock,
      MessageSource messages) {
    this.messages = messages;
    this.facilities = facilities;
    this.history = history;
    this.exports = exports;
    this.activation = activation;
    this.regions = regions;
    this.drillDowns = drillDowns;
    this.auditors = auditors;
    this.snapshots = snapshots;
    this.clock = clock;
  }

  /** What the page's form selects, as typed (blank = not given). */
  record Selection(
      String from, String to, String decision, String flag, String viewer, String patient) {
    static Selection of(
        String from, String to, String decision, String flag, String viewer, String patient) {
      return new Selection(
          blank(from), blank(to), blank(decision), blank(flag), blank(viewer), blank(patient));
    }

    private static String blank(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** The selection checked: the history's query, and the period as Japan dates. */
  private record Checked(AccessQuery query, LocalDate from, LocalDate to) {}

  /** One row of the history table or a drill-down, in the console's words. */
  record Row(
      String at,
      String facilityCode,
      String viewerId,
      String viewerRole,
      String patientRef,
      String categories,
      String basis,
      String decision,
      String reasons,
      List<String> flags) {
    static Row of(AccessAttempt a, HistoryWords words) {
      Lookup l = a.lookup();
      return new Row(
          shown(l.at()),
          l.facilityCode(),
          l.viewerId(),
          l.viewerRole().name(),
          l.patientRef(),
          words.categories(l.categories()),
          words.basis(l.consentBasis()),
          words.decision(l.decision()),
          words.reasons(l.reasons()),
          a.flags().stream().map(words::flag).toList());
    }

    /** The patientRef's first eight characters, as the table shows it. */
    public String patientShort() {
      return patientRef.substring(0, Math.min(8, patientRef.length())) + "…";
    }

    private static String shown(Instant at) {
      return JapanTime.render(at).format(AlertsConsole.Row.SHOWN);
    }
  }

  /** An activation that covered the facility, in words. */
  record Coverage(String subject, String from, String until, String by) {}

  @GetMapping("/console/facilities")
  String find(@RequestParam(required = false) String code, Locale locale, Model model) {
    if (code == null || code.isBlank()) {
      return "console/facility-find";
    }
    try {
      return "redirect:/console/facilities/" + FacilityCode.parse("code", code.strip()).value();
    } catch (InvalidField e) {
      model.addAttribute("code", code);
      model.addAttribute(
          "problem",
          new ConsoleText(messages, locale).get("facility.problem.code", e.getMessage()));
      return "console/facility-find";
    }
  }

  @GetMapping("/console/facilities/{code}")
  String facility(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag,
      @RequestParam(required = false) String viewer,
      @RequestParam(required = false) String patient,
      @RequestParam(required = false) String cursor,
      Locale locale,
      Model model,
      HttpServletRequest request) {
    ConsoleText text = new ConsoleText(messages, locale);
    HistoryWords words = new HistoryWords(text);
    Selection selection = Selection.of(from, to, decision, flag, viewer, patient);
    model.addAttribute("code", code);
    model.addAttribute("selection", selection);
    model.addAttribute("flags", words.flags());
    model.addAttribute("decisions", words.decisions());
    FacilitySummary facility = facilities.find(code).orElse(null);
    if (facility == null) {
      model.addAttribute("problem", text.get("facility.problem.unknown", code));
      return "console/facility-find";
    }
    model.addAttribute("facility", facility);
    model.addAttribute("kind", new FacilityWords(text).kind(facility.kind()));
    model.addAttribute("municipality", regions.nameOf(facility.municipalityCode()).orElse(""));
    Checked checked;
    PageCursor after;
    try {
      checked = check(code, selection, text);
      after = cursor == null || cursor.isBlank() ? null : cursor(cursor, text);
    } catch (InvalidField e) {
      model.addAttribute("problem", e.getMessage());
      return "console/facility";
    }
    auditors.readHistory(
        code,
        selection.from(),
        selection.to(),
        selection.decision(),
        selection.flag(),
        blankToNull(cursor),
        PAGE);
    if (selection.viewer() != null) {
      auditors.read(
          "VIEWER_DRILLDOWN",
          code,
          AuditorsLog.filters(
              "viewerId", selection.viewer(), "from", selection.from(), "to", selection.to()));
    }
    if (selection.patient() != null) {
      auditors.read(
          "PATIENT_DRILLDOWN",
          selection.patient(),
          AuditorsLog.filters("from", selection.from(), "to", selection.to()));
    }
    List<ActivePeriod> covering = coverage(facility);
    model.addAttribute(
        "coverage",
        covering.stream()
            .map(
                p ->
                    new Coverage(
                        p.kind() == ActivationChange.Kind.FACILITY
                            ? text.get("facility.coverage.individual")
                            : regions.nameOf(p.subject()).orElse(p.subject()),
                        p.from().toString(),
                        p.until().toString(),
                        p.noticeId() != null ? p.noticeId() : p.applicationId()))
            .toList());
    snapshots.read(
        () -> {
          AccessQuery query = checked.query();
          List<DayCount> days = history.days(code, checked.from(), checked.to());
          model.addAttribute("days", days);
          if (!days.isEmpty()) {
            // Unless the period is chosen, the chart spans the lookups and the activations, so the
            // days covered and not covered both show.
            LocalDate first = days.get(0).day();
            LocalDate last = days.get(days.size() - 1).day();
            for (ActivePeriod p : covering) {
              first = p.from().isBefore(first) ? p.from() : first;
              last = p.until().isAfter(last) ? p.until() : last;
            }
            first = checked.from() != null ? checked.from() : first;
            last = checked.to() != null ? checked.to() : last;
            model.addAttribute(
                "chart",
                DailyChart.of(
                    days,
                    covering.stream()
                        .map(p -> new DailyChart.Covered(p.from(), p.until()))
                        .toList(),
                    first,
                    last));
          }
          AccessSummary summary = history.summary(query);
          model.addAttribute("summary", summary);
          Map<String, Long> flagCounts = new LinkedHashMap<>();
          summary.byFlag().forEach((f, n) -> flagCounts.put(f.name(), n));
          model.addAttribute("flagCounts", flagCounts);
          AccessPage page = history.page(query, after, PAGE);
          model.addAttribute("rows", page.items().stream().map(a -> Row.of(a, words)).toList());
          model.addAttribute("next", page.next());
          if (selection.viewer() != null) {
            List<AccessAttempt> lookups =
                drillDowns.viewer(code, selection.viewer(), query.from(), query.to(), DRILL_DOWN);
            model.addAttribute("viewerRows", lookups.stream().map(l -> Row.of(l, words)).toList());
            model.addAttribute("viewerPerPatient", DrillDowns.perPatient(lookups));
          }
          if (selection.patient() != null) {
            model.addAttribute(
                "patientRows",
                drillDowns
                    .patient(selection.patient(), query.from(), query.to(), DRILL_DOWN)
                    .stream()
                    .map(l -> Row.of(l, words))
                    .toList());
          }
          return null;
        });
    model.addAttribute("drillDownLimit", DRILL_DOWN);
    // Built once, so the table's two links a row are a concatenation each, not a link expression.
    model.addAttribute("drillDown", drillDownPrefix(request.getContextPath(), code, selection));
    return "console/facility";
  }

  @GetMapping("/console/facilities/{code}/accesses.csv")
  ResponseEntity<StreamingResponseBody> csv(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag,
      Locale locale) {
    AccessQuery query =
        download("ACCESS_CSV", code, Selection.of(from, to, decision, flag, null, null), locale);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"accesses-" + code + ".csv\"")
        .body(out -> exports.csv(query, out));
  }

  @GetMapping("/console/facilities/{code}/accesses.fhir.json")
  ResponseEntity<StreamingResponseBody> fhir(
      @PathVariable String code,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String decision,
      @RequestParam(required = false) String flag,
      Locale locale) {
    AccessQuery query =
        download("ACCESS_FHIR", code, Selection.of(from, to, decision, flag, null, null), locale);
    Instant now = clock.instant();
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/fhir+json;charset=UTF-8"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            "attachment; filename=\"accesses-" + code + ".fhir.json\"")
        .body(out -> exports.fhir(query, out, now));
  }

  /**
   * A download's query, its read recorded as {@code action}; its links come from the page, so a bad
   * one is a plain 400 or 404 and records nothing.
   */
  private AccessQuery download(String action, String code, Selection selection, Locale locale) {
    if (facilities.find(code).isEmpty()) {
      throw ConsolePages.notFound("facility.problem.unknown", code);
    }
    AccessQuery query;
    try {
      query = check(code, selection, new ConsoleText(messages, locale)).query();
    } catch (InvalidField e) {
      throw new org.springframework.web.server.ResponseStatusException(
          HttpStatus.BAD_REQUEST, e.getMessage());
    }
    auditors.read(
        action,
        code,
        AuditorsLog.filters(
            "from",
            selection.from(),
            "to",
            selection.to(),
            "decision",
            selection.decision(),
            "flag",
            selection.flag()));
    return query;
  }

  /** The periods in which an activation covered the facility: its region's, prefecture's, own. */
  private List<ActivePeriod> coverage(FacilitySummary facility) {
    RegionCode municipality = RegionCode.parse("municipalityCode", facility.municipalityCode());
    List<ActivePeriod> periods = new ArrayList<>();
    periods.addAll(activation.periodsOf(municipality));
    if (!municipality.isPrefecture()) {
      periods.addAll(activation.periodsOf(municipality.prefecture()));
    }
    periods.addAll(
        activation.periodsOf(ActivationChange.Kind.FACILITY, facility.facilityCode(), c -> true));
    periods.sort(Comparator.comparing(ActivePeriod::from));
    return periods;
  }

  private static Checked check(String code, Selection s, ConsoleText text) {
    LocalDate from = date("from", text.get("common.fromDay"), s.from(), text);
    LocalDate to = date("to", text.get("common.untilDay"), s.to(), text);
    if (from != null && to != null && to.isBefore(from)) {
      throw new InvalidField("to", text.get("facility.problem.toBeforeFrom"));
    }
    if (s.decision() != null && !HistoryWords.DECISIONS.contains(s.decision())) {
      throw new InvalidField("decision", text.get("facility.problem.decision"));
    }
    AccessFlag flag = null;
    if (s.flag() != null) {
      try {
        flag = AccessFlag.valueOf(s.flag());
      } catch (IllegalArgumentException e) {
        throw new InvalidField("flag", text.get("facility.problem.flag"));
      }
    }
    if (s.viewer() != null) {
      if (s.viewer().length() > 64) {
        throw new InvalidField("viewer", text.get("facility.problem.viewer"));
      }
      TextRules.line("viewer", s.viewer());
    }
    if (s.patient() != null && !PATIENT_REF.matcher(s.patient()).matches()) {
      throw new InvalidField("patient", text.get("facility.problem.patient"));
    }
    return new Checked(
        new AccessQuery(
            code,
            from == null ? null : JapanTime.startOf(from),
            to == null ? null : JapanTime.startOf(to.plusDays(1)),
            s.decision(),
            flag),
        from,
        to);
  }

  private static LocalDate date(String field, String label, String value, ConsoleText text) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new InvalidField(field, text.get("facility.problem.date", label));
    }
  }

  /** This page's URL with the period kept, ready for {@code viewer=} or {@code patient=}. */
  private static String drillDownPrefix(String contextPath, String code, Selection s) {
    StringBuilder url = new StringBuilder(contextPath).append("/console/facilities/");
    url.append(UriUtils.encodePathSegment(code, StandardCharsets.UTF_8)).append('?');
    if (s.from() != null) {
      url.append("from=").append(UriUtils.encodeQueryParam(s.from(), StandardCharsets.UTF_8));
      url.append('&');
    }
    if (s.to() != null) {
      url.append("to=").append(UriUtils.encodeQueryParam(s.to(), StandardCharsets.UTF_8));
      url.append('&');
    }
    return url.toString();
  }

  private static PageCursor cursor(String cursor, ConsoleText text) {
    try {
      return PageCursor.decode(cursor);
    } catch (InvalidField e) {
      throw new InvalidField("cursor", text.get("facility.problem.cursor"));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
