package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Locale;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.facility.ActivationApplicationSubmitted;
import jp.emergencyaccess.ledger.facility.ApplicationDirectory;
import jp.emergencyaccess.ledger.facility.ApplicationIds;
import jp.emergencyaccess.ledger.facility.ApplicationQueue;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.ApplicationSummary.Status;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 申出: the applications for individual activation (form 別添1), the undecided first, and an
 * application's page with the form as submitted; MHLW decides there ({@link
 * ApplicationDecisionsConsole}), FUND reads. The API records no read of an application in the
 * auditors' log, so neither do these pages.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class ApplicationsConsole {
  static final int LIMIT = 200;
  private final ApplicationDirectory applications;
  private final ApplicationQueue queue;
  private final MessageSource messages;

  ApplicationsConsole(
      ApplicationDirectory applications, ApplicationQueue queue, MessageSource messages) {
    this.applications = applications;
    this.queue = queue;
    this.messages = messages;
  }

  /** One application in the console's words: the form, its state and its decision. */
  record Row(
      String applicationId,
      String facilityCode,
      String kind,
      String name,
      String nameKana,
      String postalCode,
      String address,
      String phone,
      String reason,
      String requestedFrom,
      String requestedUntil,
      String medicalCareOnly,
      String authorizedViewersOnly,
      String sanctionsAcknowledged,
      String applicantName,
      String applicantAddress,
      String clientId,
      String submittedBy,
      String submittedAt,
      String recordedAt,
      Status status,
      String state,
      String grantedFrom,
      String grantedUntil,
      String rejectionReason,
      String decidedBy,
      String decidedAt) {
    static Row of(ApplicationSummary a, ConsoleText text) {
      ActivationApplicationSubmitted f = a.form();
      ApplicationWords words = new ApplicationWords(text);
      return new Row(
          f.applicationId(),
          f.facilityCode(),
          new FacilityWords(text).kind(f.kind()),
          f.name(),
          f.nameKana(),
          f.postalCode(),
          f.address(),
          f.phone(),
          f.reason(),
          f.requestedFrom().toString(),
          f.requestedUntil().toString(),
          words.attested(f.attestations().medicalCareOnly()),
          words.attested(f.attestations().authorizedViewersOnly()),
          words.attested(f.attestations().sanctionsAcknowledged()),
          f.applicant().name(),
          f.applicant().address(),
          f.clientId(),
          f.submittedBy(),
          InquiryWords.time(f.at()),
          InquiryWords.time(a.submittedAt()),
          a.status(),
          words.state(a.status()),
          a.grantedFrom() == null ? null : a.grantedFrom().toString(),
          a.grantedUntil() == null ? null : a.grantedUntil().toString(),
          a.rejectionReason(),
          a.decidedBy(),
          InquiryWords.time(a.decidedAt()));
    }
  }

  @GetMapping("/console/applications")
  String list(@RequestParam(required = false) String state, Locale locale, Model model) {
    ConsoleText text = new ConsoleText(messages, locale);
    ApplicationWords words = new ApplicationWords(text);
    Status status;
    try {
      status = state == null || state.isBlank() ? Status.SUBMITTED : Status.valueOf(state.strip());
    } catch (IllegalArgumentException e) {
      model.addAttribute("problem", text.get("application.problem.state"));
      model.addAttribute("states", words.states());
      model.addAttribute("rows", List.of());
      return "console/applications";
    }
    var rows = queue.list(status, LIMIT).stream().map(a -> Row.of(a, text)).toList();
    model.addAttribute("state", status.name());
    model.addAttribute("stateLabel", words.state(status));
    model.addAttribute("states", words.states());
    model.addAttribute("rows", rows);
    model.addAttribute("limited", rows.size() == LIMIT);
    model.addAttribute("limit", LIMIT);
    return "console/applications";
  }

  @GetMapping("/console/applications/{applicationId}")
  String application(@PathVariable String applicationId, Locale locale, Model model) {
    ApplicationSummary application = known(applications, applicationId);
    // Not "application": Thymeleaf reserves that name for the servlet context.
    model.addAttribute("entry", Row.of(application, new ConsoleText(messages, locale)));
    model.addAttribute("decider", isDecider());
    model.addAttribute("undecided", application.status() == Status.SUBMITTED);
    return "console/application";
  }

  /** An application of a well-formed id that the directory holds; any other is not found. */
  static ApplicationSummary known(ApplicationDirectory applications, String applicationId) {
    try {
      ApplicationIds.check("applicationId", applicationId);
    } catch (InvalidField e) {
      throw notFound();
    }
    return applications.find(applicationId).orElseThrow(ApplicationsConsole::notFound);
  }

  private static ErrorResponseException notFound() {
    return ConsolePages.notFound("application.notFound");
  }

  /** Shows the forms to exactly the roles whose POSTs {@link ConsoleSecurity} lets through. */
  static boolean isDecider() {
    return ConsoleRoles.hasAny(ConsoleSecurity.APPLICATION_DECIDERS);
  }
}
