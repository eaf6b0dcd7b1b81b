package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.ApplicationDirectory;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.ApproveApplication;
import jp.emergencyaccess.ledger.facility.RejectApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The decision on an application from its page (MHLW only, {@link ConsoleSecurity}, as on the API):
 * each form posts the API's command, timed by the ledger's clock and signed by the account; a
 * refusal is shown on the page in its language and records nothing.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class ApplicationDecisionsConsole {
  private final ApplicationDirectory applications;
  private final CommandSender commands;
  private final Clock clock;
  private final MessageSource messages;

  ApplicationDecisionsConsole(
      ApplicationDirectory applications,
      CommandSender commands,
      Clock clock,
      MessageSource messages) {
    this.applications = applications;
    this.commands = commands;
    this.clock = clock;
    this.messages = messages;
  }

  @PostMapping("/console/applications/{applicationId}/approve")
  String approve(
      @PathVariable String applicationId,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String until,
      Locale locale,
      RedirectAttributes flash) {
    ApplicationSummary application = ApplicationsConsole.known(applications, applicationId);
    return decide(
        application,
        flash,
        new ConsoleText(messages, locale),
        "application.done.approved",
        () ->
            new ApproveApplication(
                application.facilityCode(),
                application.applicationId(),
                new Period(date("from", from), date("until", until)),
                ConsoleRoles.name(),
                clock.instant()));
  }

  @PostMapping("/console/applications/{applicationId}/reject")
  String reject(
      @PathVariable String applicationId,
      @RequestParam(required = false) String reason,
      Locale locale,
      RedirectAttributes flash) {
    ApplicationSummary application = ApplicationsConsole.known(applications, applicationId);
    return decide(
        application,
        flash,
        new ConsoleText(messages, locale),
        "application.done.rejected",
        () ->
            new RejectApplication(
                application.facilityCode(),
                application.applicationId(),
                reason,
                ConsoleRoles.name(),
                clock.instant()));
  }

  /** Builds and sends the decision; a field of the wrong shape or a broken rule sends nothing. */
  private String decide(
      ApplicationSummary application,
      RedirectAttributes flash,
      ConsoleText text,
      String done,
      Supplier<Object> command) {
    ApplicationWords words = new ApplicationWords(text);
    try {
      commands.send(command.get());
      flash.addFlashAttribute("done", text.get(done));
    } catch (RuleViolation e) {
      flash.addFlashAttribute("problem", words.refusal(e));
    } catch (InvalidField e) {
      flash.addFlashAttribute("problem", words.refusal(e));
    }
    return "redirect:/console/applications/" + application.applicationId();
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidField(field, "is required");
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeException e) {
      throw new InvalidField(field, "must be a date (2024-03-31)");
    }
  }
}
