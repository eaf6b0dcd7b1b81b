package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.infra.LedgerAccount;
import jp.emergencyaccess.ledger.infra.Role;
import jp.emergencyaccess.ledger.workbench.AlertCursor;
import jp.emergencyaccess.ledger.workbench.AlertFilter;
import jp.emergencyaccess.ledger.workbench.AlertIds;
import jp.emergencyaccess.ledger.workbench.AlertItem;
import jp.emergencyaccess.ledger.workbench.AlertKind;
import jp.emergencyaccess.ledger.workbench.AlertPage;
import jp.emergencyaccess.ledger.workbench.AlertQueries;
import jp.emergencyaccess.ledger.workbench.AlertStatus;
import jp.emergencyaccess.ledger.workbench.AuditorsLog;
import jp.emergencyaccess.ledger.workbench.DismissAlert;
import jp.emergencyaccess.ledger.workbench.DismissReason;
import jp.emergencyaccess.ledger.workbench.TakeAlert;
import jp.emergencyaccess.ledger.workbench.Triage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The alert queue of the investigator's workbench (docs/workbench.md), highest risk first. MHLW and
 * FUND read every alert; a FACILITY account its own facility's, without the implementing body's
 * internal fields (assignee, note, dismissal reason).
 */
@RestController
@RequestMapping("/api/alerts")
class AlertController {
  static final int DEFAULT_PAGE = 100;
  private final AlertQueries alerts;
  private final InputDates dates;
  private final CommandSender commands;
  private final Triage triage;
  private final ObjectProvider<UserDetailsService> accounts;
  private final Clock clock;
  private final AuditorsLog auditors;

  AlertController(
      AlertQueries alerts,
      InputDates dates,
      CommandSender commands,
      Triage triage,
      ObjectProvider<UserDetailsService> accounts,
      Clock clock,
      AuditorsLog auditors) {
    this.auditors = auditors;
    this.alerts = alerts;
    this.dates = dates;
    this.commands = commands;
    this.triage = triage;
    this.accounts = accounts;
    this.clock = clock;
  }

  record TakeRequest(String assignee, OffsetDateTime at) {}

  record DismissRequest(@NotNull DismissReason reason, @NotBlank String note, OffsetDateTime at) {}

  record EscalateRequest(OffsetDateTime at) {}

  @Operation(
      summary = "Take an alert under review (NEW to UNDER_REVIEW), assigned to a FUND account")
  @PostMapping("/{alertId}/take")
  @ResponseStatus(HttpStatus.CREATED)
  AlertItemAnswer take(@PathVariable String alertId, @Valid @RequestBody TakeRequest body) {
    AlertItem alert = known(alertId);
    String assignee = body.assignee() == null ? CurrentAccount.name() : body.assignee();
    if (!isFundAccount(assignee)) {
      throw new InvalidField(
          "assignee",
          accounts.getIfAvailable() == null
              ? "must be the caller, a FUND account: with bearer tokens the ledger knows no other"
                  + " account"
              : "must be a FUND account");
    }
    commands.send(new TakeAlert(alert.alertId(), assignee, CurrentAccount.name(), at(body.at())));
    return AlertItemAnswer.of(known(alertId));
  }

  @Operation(summary = "Dismiss an alert under review, with a reason code and a note")
  @PostMapping("/{alertId}/dismiss")
  @ResponseStatus(HttpStatus.CREATED)
  AlertItemAnswer dismiss(@PathVariable String alertId, @Valid @RequestBody DismissRequest body) {
    AlertItem alert = known(alertId);
    commands.send(
        new DismissAlert(
            alert.alertId(), body.reason(), body.note(), CurrentAccount.name(), at(body.at())));
    return AlertItemAnswer.of(known(alertId));
  }

  @Operation(
      summary = "Escalate an alert under review into its facility's open inquiry, or a new one")
  @PostMapping("/{alertId}/escalate")
  @ResponseStatus(HttpStatus.CREATED)
  AlertItemAnswer escalate(@PathVariable String alertId, @Valid @RequestBody EscalateRequest body) {
    AlertItem alert = known(alertId);
    triage.escalate(alert, CurrentAccount.name(), at(body.at()), body.at() != null);
    return AlertItemAnswer.of(known(alertId));
  }

  private Instant at(OffsetDateTime at) {
    if (at != null) {
      dates.check("at", at.toInstant());
    }
    return RequestTime.atOrNow(at, clock);
  }

  /**
   * The caller's own role is known from its sign-in; other accounts only where the ledger holds
   * them (Basic), not where the identity provider does (jwt mode).
   */
  private boolean isFundAccount(String name) {
    LedgerAccount caller = CurrentAccount.get();
    if (caller.getUsername().equals(name)) {
      return caller.role() == Role.FUND;
    }
    UserDetailsService known = accounts.getIfAvailable();
    if (known == null) {
      return false;
    }
    try {
      return known.loadUserByUsername(name) instanceof LedgerAccount a && a.role() == Role.FUND;
    } catch (UsernameNotFoundException e) {
      return false;
    }
  }

  private AlertItem known(String alertId) {
    AlertIds.check("alertId", alertId);
    AlertItem alert =
        alerts.find(alertId).orElseThrow(() -> new NotFound("alert " + alertId + " is unknown"));
    LedgerAccount account = CurrentAccount.get();
    if (account.role() == Role.FACILITY && !account.facilityCode().equals(alert.facilityCode())) {
      throw new NotFound("alert " + alertId + " is unknown");
    }
    return alert;
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record AlertItemAnswer(
      String alertId,
      AlertKind kind,
      String facilityCode,
      String prefecture,
      LocalDate day,
      String viewerId,
      String patientRef,
      long lookups,
      long threshold,
      List<String> reasons,
      long risk,
      OffsetDateTime at,
      OffsetDateTime raisedAt,
      AlertStatus status,
      String assignee,
      String inquiryId,
      String dismissReason,
      String note,
      String changedBy,
      OffsetDateTime changedAt) {
    static AlertItemAnswer of(AlertItem a) {
      AlertItem shown = CurrentAccount.get().role() == Role.FACILITY ? a.forFacility() : a;
      return new AlertItemAnswer(
          shown.alertId(),
          shown.kind(),
          shown.facilityCode(),
          shown.prefecture(),
          shown.day(),
          shown.viewerId(),
          shown.patientRef(),
          shown.lookups(),
          shown.threshold(),
          shown.reasons(),
          shown.risk(),
          JapanTime.render(shown.at()),
          JapanTime.render(shown.raisedAt()),
          shown.status(),
          shown.assignee(),
          shown.inquiryId(),
          shown.dismissReason(),
          shown.note(),
          shown.changedBy(),
          JapanTime.render(shown.changedAt()));
    }
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record QueueAnswer(List<AlertItemAnswer> items, String next) {}

  @Operation(summary = "The alert queue, highest risk score first, with a cursor")
  @GetMapping
  QueueAnswer queue(
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) String prefecture,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String cursor,
      @RequestParam(required = false) Integer limit) {
    AlertFilter filter = filter(status, facility, prefecture, from, to, assignee);
    int size = limit == null ? DEFAULT_PAGE : limit;
    if (size < 1 || size > AlertQueries.MAX_PAGE) {
      throw new InvalidField("limit", "must be 1–" + AlertQueries.MAX_PAGE);
    }
    AlertCursor after = cursor == null ? null : AlertCursor.parse(cursor);
    auditors.read(
        "ALERT_QUEUE",
        filter.facilityCode(),
        AuditorsLog.filters(
            "status",
            status,
            "prefecture",
            prefecture,
            "from",
            from,
            "to",
            to,
            "assignee",
            assignee,
            "cursor",
            cursor,
            "limit",
            limit));
    AlertPage page = alerts.page(filter, after, size);
    return new QueueAnswer(page.items().stream().map(AlertItemAnswer::of).toList(), page.next());
  }

  @Operation(summary = "One alert with its reasons and triage state")
  @GetMapping("/{alertId}")
  AlertItemAnswer alert(@PathVariable String alertId) {
    AlertItem alert = known(alertId);
    auditors.read("ALERT", alertId, java.util.Map.of());
    return AlertItemAnswer.of(alert);
  }

  AlertFilter filter(
      String status, String facility, String prefecture, String from, String to, String assignee) {
    AlertStatus alertStatus = null;
    if (status != null) {
      try {
        alertStatus = AlertStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw new InvalidField("status", "must be NEW, UNDER_REVIEW, DISMISSED or ESCALATED");
      }
    }
    String code = facility == null ? null : FacilityCode.parse("facility", facility).value();
    LedgerAccount account = CurrentAccount.get();
    if (account.role() == Role.FACILITY) {
      if (code != null && !code.equals(account.facilityCode())) {
        throw new AccessDeniedException(
            "account " + account.getUsername() + " reads only the alerts of its own facility");
      }
      code = account.facilityCode();
      if (assignee != null) {
        throw new InvalidField("assignee", "is not a filter of a facility's own alerts");
      }
    }
    if (prefecture != null && !prefecture.matches("0[1-9]|[1-3][0-9]|4[0-7]")) {
      throw new InvalidField("prefecture", "must be a prefecture code 01–47");
    }
    LocalDate fromDay = from == null ? null : dates.date("from", from);
    LocalDate toDay = to == null ? null : dates.date("to", to);
    if (fromDay != null && toDay != null && toDay.isBefore(fromDay)) {
      throw new InvalidField("to", "must not be before from");
    }
    if (assignee != null && !assignee.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new InvalidField("assignee", "must be an account name");
    }
    return new AlertFilter(alertStatus, code, prefecture, fromDay, toDay, assignee);
  }
}
