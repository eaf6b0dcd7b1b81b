package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.workbench.AuditorsLogRows;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit of the auditors (docs/workbench.md): who read which logs, and triage; MHLW only. */
@RestController
@RequestMapping("/api/auditors-log")
class AuditorsLogController {
  private final AuditorsLogRows log;

  AuditorsLogController(AuditorsLogRows log) {
    this.log = log;
  }

  record LogEntry(
      String eventId,
      String account,
      String role,
      String action,
      String subject,
      String filters,
      OffsetDateTime at) {}

  @com.fasterxml.jackson.annotation.JsonInclude(
      com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
  record LogAnswer(List<LogEntry> items, String next) {}

  @Operation(
      summary = "The auditors' log: every read of the logs and every triage step, newest first")
  @GetMapping
  LogAnswer entries(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String before,
      @RequestParam(required = false) Integer limit) {
    int size = limit == null ? 100 : limit;
    if (size < 1 || size > 500) {
      throw new InvalidField("limit", "must be 1–500");
    }
    if (account != null && !account.matches("[A-Za-z0-9._@-]{1,64}")) {
      throw new InvalidField("account", "must be an account name");
    }
    if (before != null && !before.matches("[0-9a-f-]{36}")) {
      throw new InvalidField("before", "must be an eventId of this log");
    }
    List<LogEntry> items =
        log.page(account, before, size).stream()
            .map(
                e ->
                    new LogEntry(
                        e.eventId(),
                        e.account(),
                        e.role(),
                        e.action(),
                        e.subject(),
                        e.filters(),
                        JapanTime.render(e.at())))
            .toList();
    String next = items.size() == size ? items.get(size - 1).eventId() : null;
    return new LogAnswer(items, next);
  }
}
