package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.history.AccessAttempt;
import jp.emergencyaccess.ledger.workbench.AlertCursor;
import jp.emergencyaccess.ledger.workbench.AlertFilter;
import jp.emergencyaccess.ledger.workbench.AlertIds;
import jp.emergencyaccess.ledger.workbench.AlertItem;
import jp.emergencyaccess.ledger.workbench.AlertPage;
import jp.emergencyaccess.ledger.workbench.AlertQueries;
import jp.emergencyaccess.ledger.workbench.AlertStatus;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import jp.emergencyaccess.ledger.workbench.DismissAlert;
import jp.emergencyaccess.ledger.workbench.DismissReason;
import jp.emergencyaccess.ledger.workbench.DrillDowns;
import jp.emergencyaccess.ledger.workbench.TakeAlert;
import jp.emergencyaccess.ledger.workbench.Triage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * アラート: the workbench's queue, highest risk first, and an alert's page with its reasons and triage
 * state. FUND takes, dismisses and escalates from the alert's page; MHLW reads. Every read is
 * recorded in the auditors' log exactly as the API's ({@code ALERT_QUEUE}, {@code ALERT}); a filter
 * the ledger refuses is shown on the page and records nothing.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class AlertsConsole {
  static final int PAGE = 50;
  static final int BEHIND = 200;
  private final AlertQueries alerts;
  private final AuditorsLog auditors;
  private final CommandSender commands;
  private final Triage triage;
  private final Clock clock;
  private final DrillDowns drillDowns;
  private final MessageSource messages;

  AlertsConsole(
      AlertQueries alerts,
      AuditorsLog auditors,
      CommandSender commands,
      Triage triage,
      Clock clock,
      DrillDowns drillDowns,
      MessageSource messages) {
    this.drillDowns = drillDowns;
    this.messages = messages;
    this.alerts = alerts;
    this.auditors = auditors;
    this.commands = commands;
    this.triage = triage;
    this.clock = clock;
  }

  /** One row of the queue or the alert's page, in the console's words. */
  record Row(
      String alertId,
      String kind,
      String facilityCode,
      String prefecture,
      String day,
      String subject,
      long lookups,
      long threshold,
      java.util.List<String> reasons,
      long risk,
      String raisedAt,
      AlertStatus status,
      String statusLabel,
      String assignee,
      String inquiryId,
      String dismissReason,
      String note,
      String changedBy,
      String changedAt) {
    static final java.time.format.DateTimeFormatter SHOWN =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static Row of(AlertItem a, AlertWords words) {
      return new Row(
          a.alertId(),
          words.kind(a.kind()),
          a.facilityCode(),
          a.prefecture(),
          a.day().toString(),
          a.viewerId() != null ? a.viewerId() : a.patientRef(),
          a.lookups(),
          a.threshold(),
          a.reasons(),
          a.risk(),
          text(a.raisedAt()),
          a.status(),
          words.status(a.status()),
          a.assignee(),
          a.inquiryId(),
          a.dismissReason() == null ? null : words.dismissal(a.dismissReason()),
          a.note(),
          a.changedBy(),
          text(a.changedAt()));
    }

    private static String text(java.time.Instant at) {
      return at == null
          ? null
          : JapanTime.render(at).toLocalDateTime().toString().replace('T', ' ');
    }
  }

  /** One of the lookups behind an alert. */
  record LookupRow(
      String at,
      String viewerId,
      String viewerRole,
      String patientRef,
      String decision,
      String basis) {}

  @GetMapping("/console/alerts")
  String queue(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) String prefecture,
      @RequestParam(required = false) String cursor,
      Locale locale,
      Model model) {
    ConsoleText text = new ConsoleText(messages, locale);
    AlertWords words = new AlertWords(text);
    model.addAttribute("status", blankToNull(status));
    model.addAttribute("facility", blankToNull(facility));
    model.addAttribute("prefecture", blankToNull(prefecture));
    model.addAttribute("statuses", words.statuses());
    AlertFilter filter;
    AlertCursor after;
    try {
      filter = filter(blankToNull(status), blankToNull(facility), blankToNull(prefecture), text);
      after = blankToNull(cursor) == null ? null : AlertCursor.parse(cursor);
    } catch (InvalidField e) {
      model.addAttribute("problem", e.getMessage());
      model.addAttribute("rows", java.util.List.of());
      return "console/alerts";
    }
    Map<String, Object> filters = new LinkedHashMap<>();
    filters.put("status", blankToNull(status));
    filters.put("prefecture", blankToNull(prefecture));
    filters.put("cursor", blankToNull(cursor));
    filters.put("limit", PAGE);
    auditors.read("ALERT_QUEUE", filter.facilityCode(), filters);
    AlertPage page = alerts.page(filter, after, PAGE);
    model.addAttribute("rows", page.items().stream().map(a -> Row.of(a, words)).toList());
    model.addAttribute("next", page.next());
    return "console/alerts";
  }

  @GetMapping("/console/alerts/{alertId}")
  String alert(@PathVariable String alertId, Locale locale, Model model) {
    AlertItem alert = known(alertId);
    auditors.read("ALERT", alertId, Map.of());
    ConsoleText text = new ConsoleText(messages, locale);
    AlertWords words = new AlertWords(text);
    HistoryWords history = new HistoryWords(text);
    model.addAttribute("alert", Row.of(alert, words));
    model.addAttribute(
        "lookups",
        drillDowns.behind(alert, BEHIND).stream()
            .map(AccessAttempt::lookup)
            .map(
                l ->
                    new LookupRow(
                        JapanTime.render(l.at()).format(Row.SHOWN),
                        l.viewerId(),
                        l.viewerRole().name(),
                        l.patientRef(),
                        history.decision(l.decision()),
                        history.basis(l.consentBasis())))
            .toList());
    model.addAttribute("behindLimit", BEHIND);
    model.addAttribute("triage", ConsoleRoles.hasAny(ConsoleSecurity.ALERT_TRIAGERS));
    model.addAttribute("dismissReasons", words.dismissals());
    return "console/alert";
  }

  @PostMapping("/console/alerts/{alertId}/take")
  String take(@PathVariable String alertId, Locale locale, RedirectAttributes flash) {
    AlertItem alert = known(alertId);
    String me = ConsoleRoles.name();
    ConsoleText text = new ConsoleText(messages, locale);
    return transition(
        alert,
        flash,
        text.get("alert.done.taken"),
        () -> commands.send(new TakeAlert(alert.alertId(), me, me, clock.instant())));
  }

  @PostMapping("/console/alerts/{alertId}/dismiss")
  String dismiss(
      @PathVariable String alertId,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) String note,
      Locale locale,
      RedirectAttributes flash) {
    AlertItem alert = known(alertId);
    ConsoleText text = new ConsoleText(messages, locale);
    return transition(
        alert,
        flash,
        text.get("alert.done.dismissed"),
        () -> {
          DismissReason why;
          try {
            why = DismissReason.valueOf(reason == null ? "" : reason);
          } catch (IllegalArgumentException e) {
            throw new InvalidField("reason", text.get("alert.problem.dismissReason"));
          }
          commands.send(
              new DismissAlert(alert.alertId(), why, note, ConsoleRoles.name(), clock.instant()));
        });
  }

  @PostMapping("/console/alerts/{alertId}/escalate")
  String escalate(@PathVariable String alertId, Locale locale, RedirectAttributes flash) {
    AlertItem alert = known(alertId);
    return transition(
        alert,
        flash,
        new ConsoleText(messages, locale).get("alert.done.escalated"),
        () -> triage.escalate(alert, ConsoleRoles.name(), clock.instant(), false));
  }

  /**
   * Runs a transition; a refusal (the alert's state moved on, an invalid field) is shown on the
   * alert's page, as the API would answer it, and nothing is recorded.
   */
  private String transition(
      AlertItem alert, RedirectAttributes flash, String done, Runnable command) {
    try {
      command.run();
      flash.addFlashAttribute("done", done);
    } catch (RuleViolation e) {
      flash.addFlashAttribute("problem", e.rule() + ": " + e.getMessage());
    } catch (InvalidField e) {
      flash.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:/console/alerts/" + alert.alertId();
  }

  private AlertItem known(String alertId) {
    try {
      AlertIds.check("alertId", alertId);
      return alerts.find(alertId).orElseThrow(() -> new NotFound("alert " + alertId));
    } catch (InvalidField | NotFound e) {
      throw ConsolePages.notFound("alert.notFound");
    }
  }

  private static AlertFilter filter(
      String status, String facility, String prefecture, ConsoleText text) {
    AlertStatus alertStatus = null;
    if (status != null) {
      try {
        alertStatus = AlertStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("status", text.get("alert.problem.status"));
      }
    }
    String code = facility == null ? null : FacilityCode.parse("facility", facility).value();
    if (prefecture != null && !prefecture.matches("0[1-9]|[1-3][0-9]|4[0-7]")) {
      throw new InvalidField("prefecture", text.get("alert.problem.prefecture"));
    }
    return new AlertFilter(alertStatus, code, prefecture, null, null, null);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
