package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.investigation.CloseInquiry;
import jp.emergencyaccess.ledger.investigation.Finding;
import jp.emergencyaccess.ledger.investigation.InquiryLog;
import jp.emergencyaccess.ledger.investigation.PublishFacilityName;
import jp.emergencyaccess.ledger.investigation.RecordFacilityReport;
import jp.emergencyaccess.ledger.investigation.RequestImprovementReport;
import jp.emergencyaccess.ledger.investigation.ResumeService;
import jp.emergencyaccess.ledger.investigation.StopService;
import jp.emergencyaccess.ledger.investigation.SuspendService;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Art. 25–26 measures from a case's page (FUND only, {@link ConsoleSecurity}): each form posts
 * the same command as the API's, timed by the ledger's clock; a refusal is shown on the case page
 * in its language and records nothing.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class InquiryMeasuresConsole {
  private final InquiryLog inquiries;
  private final CommandSender commands;
  private final Clock clock;
  private final MessageSource messages;

  InquiryMeasuresConsole(
      InquiryLog inquiries, CommandSender commands, Clock clock, MessageSource messages) {
    this.inquiries = inquiries;
    this.commands = commands;
    this.clock = clock;
    this.messages = messages;
  }

  @PostMapping("/console/inquiries/{inquiryId}/facility-report")
  String facilityReport(
      @PathVariable String inquiryId,
      @RequestParam(required = false) String summary,
      Locale locale,
      RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.report",
        () -> new RecordFacilityReport(id, summary, clock.instant()),
        false);
  }

  @PostMapping("/console/inquiries/{inquiryId}/improvement-request")
  String improvementRequest(
      @PathVariable String inquiryId,
      @RequestParam(required = false) String dueOn,
      Locale locale,
      RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.improvement",
        () -> new RequestImprovementReport(id, date(dueOn), clock.instant()),
        false);
  }

  @PostMapping("/console/inquiries/{inquiryId}/publish-name")
  String publishName(@PathVariable String inquiryId, Locale locale, RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.publish",
        () -> new PublishFacilityName(id, clock.instant()),
        false);
  }

  @PostMapping("/console/inquiries/{inquiryId}/suspend")
  String suspend(
      @PathVariable String inquiryId,
      @RequestParam(required = false) String reason,
      Locale locale,
      RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.suspend",
        () -> new SuspendService(id, reason, clock.instant()),
        true);
  }

  @PostMapping("/console/inquiries/{inquiryId}/stop")
  String stop(
      @PathVariable String inquiryId,
      @RequestParam(required = false) String reason,
      Locale locale,
      RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.stop",
        () -> new StopService(id, reason, clock.instant()),
        true);
  }

  @PostMapping("/console/inquiries/{inquiryId}/resume")
  String resume(@PathVariable String inquiryId, Locale locale, RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.resume",
        () -> new ResumeService(id, clock.instant()),
        true);
  }

  @PostMapping("/console/inquiries/{inquiryId}/close")
  String close(
      @PathVariable String inquiryId,
      @RequestParam(required = false) String finding,
      @RequestParam(required = false) String summary,
      Locale locale,
      RedirectAttributes flash) {
    String id = InquiriesConsole.known(inquiries, inquiryId).inquiryId();
    return take(
        id,
        flash,
        locale,
        "inquiry.done.close",
        () -> new CloseInquiry(id, finding(finding), summary, clock.instant()),
        false);
  }

  /**
   * Builds and sends a measure; a refusal (a rule of the inquiry or of the facility's service, or a
   * field of the wrong shape) is shown on the case page, and nothing is recorded. A service measure
   * that lost the race for the facility's stream to another node is judged once more against the
   * winner, as the API does, so it answers the rule it breaks rather than a bare conflict.
   */
  private String take(
      String inquiryId,
      RedirectAttributes flash,
      Locale locale,
      String done,
      Supplier<Object> command,
      boolean serviceMeasure) {
    ConsoleText text = new ConsoleText(messages, locale);
    InquiryWords words = new InquiryWords(text);
    try {
      Object built = command.get();
      try {
        commands.send(built);
      } catch (ConcurrencyException | AggregateStreamCreationException lost) {
        if (!serviceMeasure) {
          throw lost;
        }
        commands.send(built);
      }
      flash.addFlashAttribute("done", text.get(done));
    } catch (RuleViolation e) {
      flash.addFlashAttribute("problem", words.refusal(e));
    } catch (InvalidField e) {
      flash.addFlashAttribute("problem", words.refusal(e));
    }
    return "redirect:/console/inquiries/" + inquiryId;
  }

  private static LocalDate date(String dueOn) {
    if (dueOn == null || dueOn.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(dueOn.strip());
    } catch (DateTimeException e) {
      throw new InvalidField("dueOn", "must be a date (2024-03-31)");
    }
  }

  private static Finding finding(String finding) {
    try {
      return finding == null || finding.isBlank() ? null : Finding.valueOf(finding);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("finding", "must be NO_VIOLATION or VIOLATION");
    }
  }
}
