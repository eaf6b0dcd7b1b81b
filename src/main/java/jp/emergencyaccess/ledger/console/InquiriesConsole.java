package jp.emergencyaccess.ledger.console;

import io.swagger.v3.oas.annotations.Hidden;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.investigation.InquiryEntry;
import jp.emergencyaccess.ledger.investigation.InquiryIds;
import jp.emergencyaccess.ledger.investigation.InquiryLog;
import jp.emergencyaccess.ledger.investigation.InquiryRecord;
import jp.emergencyaccess.ledger.investigation.ServiceMeasure;
import jp.emergencyaccess.ledger.investigation.ServiceStatus;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 事案: the inquiries, and a case's page with its facility's service status and its timeline; FUND
 * finds the measures' forms there ({@link InquiryMeasuresConsole}). The API records no read of an
 * inquiry in the auditors' log, so neither do these pages.
 */
@Controller
@Hidden
@ConditionalOnProperty(name = "ledger.auth.mode", havingValue = "basic", matchIfMissing = true)
class InquiriesConsole {
  private final InquiryLog inquiries;
  private final ServiceStatus service;
  private final FacilityDirectory facilities;
  private final Clock clock;
  private final MessageSource messages;

  InquiriesConsole(
      InquiryLog inquiries,
      ServiceStatus service,
      FacilityDirectory facilities,
      Clock clock,
      MessageSource messages) {
    this.inquiries = inquiries;
    this.service = service;
    this.facilities = facilities;
    this.clock = clock;
    this.messages = messages;
  }

  /** An inquiry in the console's words; {@code lastStep} is its latest timeline entry. */
  record Row(
      String inquiryId,
      String facilityCode,
      String facilityName,
      String reason,
      String openedAt,
      boolean closed,
      String state,
      String lastStep,
      String lastAt,
      String finding,
      String closingSummary) {}

  /** One recorded step: when it happened in the world, and when the ledger recorded it. */
  record Step(String type, String label, String at, String recordedAt, String text, String detail) {
    static Step of(InquiryEntry e, InquiryWords words) {
      String detail =
          e.dueOn() != null
              ? words.due(e.dueOn().toString())
              : e.finding() != null ? words.finding(e.finding()) : null;
      return new Step(
          e.type(),
          words.step(e.type()),
          InquiryWords.time(e.at()),
          InquiryWords.time(e.recordedAt()),
          e.text(),
          detail);
    }
  }

  @GetMapping("/console/inquiries")
  String list(@RequestParam(required = false) String facility, Locale locale, Model model) {
    ConsoleText text = new ConsoleText(messages, locale);
    InquiryWords words = new InquiryWords(text);
    String code = facility == null || facility.isBlank() ? null : facility.strip();
    model.addAttribute("facility", code);
    try {
      code = code == null ? null : FacilityCode.parse("facility", code).value();
    } catch (InvalidField e) {
      model.addAttribute("problem", text.get("inquiry.problem.facility", e.reason()));
      model.addAttribute("rows", List.of());
      return "console/inquiries";
    }
    model.addAttribute("rows", inquiries.list(code).stream().map(r -> row(r, words)).toList());
    return "console/inquiries";
  }

  @GetMapping("/console/inquiries/{inquiryId}")
  String inquiry(@PathVariable String inquiryId, Locale locale, Model model) {
    InquiryRecord inquiry = known(inquiries, inquiryId);
    InquiryWords words = new InquiryWords(new ConsoleText(messages, locale));
    model.addAttribute("inquiry", row(inquiry, words));
    model.addAttribute(
        "service",
        words.service(
            service
                .suspendedAt(inquiry.facilityCode(), clock.instant())
                .map(ServiceMeasure::change)
                .orElse(null)));
    model.addAttribute(
        "timeline",
        inquiries.timeline(inquiry.inquiryId()).stream().map(e -> Step.of(e, words)).toList());
    model.addAttribute(
        "measures", ConsoleRoles.hasAny(ConsoleSecurity.INQUIRY_MEASURERS) && !inquiry.closed());
    model.addAttribute("fund", ConsoleRoles.hasAny(ConsoleSecurity.INQUIRY_MEASURERS));
    model.addAttribute("findings", words.findings());
    model.addAttribute("today", JapanTime.dateOf(clock.instant()));
    return "console/inquiry";
  }

  private Row row(InquiryRecord r, InquiryWords words) {
    List<InquiryEntry> timeline = inquiries.timeline(r.inquiryId());
    InquiryEntry last = timeline.isEmpty() ? null : timeline.get(timeline.size() - 1);
    return new Row(
        r.inquiryId(),
        r.facilityCode(),
        facilities.find(r.facilityCode()).map(FacilitySummary::name).orElse(null),
        r.reason(),
        InquiryWords.time(r.openedAt()),
        r.closed(),
        words.state(r.closed()),
        last == null ? null : words.step(last.type()),
        last == null ? null : InquiryWords.time(last.at()),
        r.finding() == null ? null : words.finding(r.finding()),
        r.closingSummary());
  }

  /** An inquiry of a well-formed id that the log holds; any other id is a page not found. */
  static InquiryRecord known(InquiryLog inquiries, String inquiryId) {
    try {
      InquiryIds.check("inquiryId", inquiryId);
      return inquiries.find(inquiryId).orElseThrow(() -> new NotFound("inquiry " + inquiryId));
    } catch (InvalidField | NotFound e) {
      throw ConsolePages.notFound("inquiry.notFound");
    }
  }
}
