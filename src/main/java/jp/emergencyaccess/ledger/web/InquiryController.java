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
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.investigation.CloseInquiry;
import jp.emergencyaccess.ledger.investigation.Finding;
import jp.emergencyaccess.ledger.investigation.InquiryEntry;
import jp.emergencyaccess.ledger.investigation.InquiryIds;
import jp.emergencyaccess.ledger.investigation.InquiryLog;
import jp.emergencyaccess.ledger.investigation.InquiryRecord;
import jp.emergencyaccess.ledger.investigation.OpenInquiry;
import jp.emergencyaccess.ledger.investigation.PublishFacilityName;
import jp.emergencyaccess.ledger.investigation.RecordFacilityReport;
import jp.emergencyaccess.ledger.investigation.RequestImprovementReport;
import jp.emergencyaccess.ledger.investigation.ResumeService;
import jp.emergencyaccess.ledger.investigation.ServiceStatus;
import jp.emergencyaccess.ledger.investigation.StopService;
import jp.emergencyaccess.ledger.investigation.SuspendService;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Inquiries and the Art. 25–26 measures (SPEC §5): every measure answers the whole inquiry. */
@RestController
@RequestMapping("/api/inquiries")
class InquiryController {
  private final CommandSender commands;
  private final InquiryLog inquiries;
  private final ServiceStatus service;
  private final Clock clock;

  InquiryController(
      CommandSender commands, InquiryLog inquiries, ServiceStatus service, Clock clock) {
    this.commands = commands;
    this.inquiries = inquiries;
    this.service = service;
    this.clock = clock;
  }

  record OpenRequest(
      @NotBlank String facilityCode, @NotBlank String reason, String clientId, OffsetDateTime at) {}

  record ReportRequest(@NotBlank String summary, OffsetDateTime at) {}

  record ImprovementRequest(@NotNull LocalDate dueOn, OffsetDateTime at) {}

  record AtRequest(OffsetDateTime at) {}

  record ReasonRequest(@NotBlank String reason, OffsetDateTime at) {}

  record CloseRequest(@NotNull Finding finding, @NotBlank String summary, OffsetDateTime at) {}

  @Operation(summary = "Open an inquiry into a facility")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer open(@Valid @RequestBody OpenRequest body) {
    FacilityCode.parse("facilityCode", body.facilityCode());
    String clientId = InquiryIds.checkClientId(body.clientId());
    String id = clientId == null ? InquiryIds.random() : InquiryIds.forClientId(clientId);
    Recorded opened =
        commands.send(
            new OpenInquiry(
                id,
                body.facilityCode(),
                body.reason(),
                clientId,
                at(body.at()),
                body.at() != null));
    return answer(record(opened.id()), opened.replayed());
  }

  @Operation(summary = "Record the facility's report")
  @PostMapping("/{inquiryId}/facility-report")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer facilityReport(
      @PathVariable String inquiryId, @Valid @RequestBody ReportRequest body) {
    return send(
        inquiryId, new RecordFacilityReport(known(inquiryId), body.summary(), at(body.at())));
  }

  @Operation(summary = "Ask the facility for an improvement report (Art. 25)")
  @PostMapping("/{inquiryId}/improvement-request")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer improvementRequest(
      @PathVariable String inquiryId, @Valid @RequestBody ImprovementRequest body) {
    return send(
        inquiryId, new RequestImprovementReport(known(inquiryId), body.dueOn(), at(body.at())));
  }

  @Operation(summary = "Publish the facility's name (Art. 26)")
  @PostMapping("/{inquiryId}/publish-name")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer publishName(@PathVariable String inquiryId, @Valid @RequestBody AtRequest body) {
    return send(inquiryId, new PublishFacilityName(known(inquiryId), at(body.at())));
  }

  @Operation(summary = "Suspend the facility's service (Art. 26)")
  @PostMapping("/{inquiryId}/suspend")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer suspend(@PathVariable String inquiryId, @Valid @RequestBody ReasonRequest body) {
    return measure(inquiryId, new SuspendService(known(inquiryId), body.reason(), at(body.at())));
  }

  @Operation(summary = "Stop the facility's service (Art. 26)")
  @PostMapping("/{inquiryId}/stop")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer stop(@PathVariable String inquiryId, @Valid @RequestBody ReasonRequest body) {
    return measure(inquiryId, new StopService(known(inquiryId), body.reason(), at(body.at())));
  }

  @Operation(summary = "Resume the facility's service")
  @PostMapping("/{inquiryId}/resume")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer resume(@PathVariable String inquiryId, @Valid @RequestBody AtRequest body) {
    return measure(inquiryId, new ResumeService(known(inquiryId), at(body.at())));
  }

  @Operation(summary = "Close the inquiry with its finding")
  @PostMapping("/{inquiryId}/close")
  @ResponseStatus(HttpStatus.CREATED)
  InquiryAnswer close(@PathVariable String inquiryId, @Valid @RequestBody CloseRequest body) {
    return send(
        inquiryId,
        new CloseInquiry(known(inquiryId), body.finding(), body.summary(), at(body.at())));
  }

  @Operation(summary = "Inquiries")
  @GetMapping
  List<InquiryAnswer> list(@RequestParam(required = false) String facility) {
    String code = facility == null ? null : FacilityCode.parse("facility", facility).value();
    return inquiries.list(code).stream().map(this::answer).toList();
  }

  @Operation(summary = "An inquiry and its measures")
  @GetMapping("/{inquiryId}")
  InquiryAnswer get(@PathVariable String inquiryId) {
    return answer(record(inquiryId));
  }

  private InquiryAnswer send(String inquiryId, Object command) {
    commands.send(command);
    return get(inquiryId);
  }

  /**
   * A service measure is appended to the facility's one stream (investigation.FacilityService). A
   * measure that lost the race for the stream's next sequence number to another node recorded
   * nothing; it is judged once more against the winner's state, so it answers the rule it breaks
   * (or is recorded after the winner) rather than a bare conflict.
   */
  private InquiryAnswer measure(String inquiryId, Object command) {
    try {
      commands.send(command);
    } catch (ConcurrencyException | AggregateStreamCreationException lost) {
      commands.send(command);
    }
    return get(inquiryId);
  }

  /** Checks the id's shape and that the inquiry exists (404), before any command is sent. */
  private String known(String inquiryId) {
    return record(inquiryId).inquiryId();
  }

  private InquiryRecord record(String inquiryId) {
    InquiryIds.check("inquiryId", inquiryId);
    return inquiries
        .find(inquiryId)
        .orElseThrow(() -> new NotFound("inquiry " + inquiryId + " does not exist"));
  }

  private Instant at(OffsetDateTime at) {
    return RequestTime.atOrNow(at, clock);
  }

  private InquiryAnswer answer(InquiryRecord r) {
    return answer(r, null);
  }

  /** {@code replayed} is given only in the answer to an opening: whether it was a retry. */
  private InquiryAnswer answer(InquiryRecord r, Boolean replayed) {
    List<TimelineEntry> timeline =
        inquiries.timeline(r.inquiryId()).stream().map(TimelineEntry::of).toList();
    return new InquiryAnswer(
        r.inquiryId(),
        r.facilityCode(),
        r.reason(),
        r.clientId(),
        r.closed() ? "CLOSED" : "OPEN",
        JapanTime.render(r.openedAt()),
        r.finding(),
        r.closingSummary(),
        JapanTime.render(r.closedAt()),
        ServiceStatusAnswer.of(service, r.facilityCode(), clock.instant()),
        timeline,
        replayed);
  }

  record InquiryAnswer(
      String inquiryId,
      String facilityCode,
      String reason,
      String clientId,
      String status,
      OffsetDateTime openedAt,
      Finding finding,
      String closingSummary,
      OffsetDateTime closedAt,
      ServiceStatusAnswer serviceStatus,
      List<TimelineEntry> timeline,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean replayed) {}

  /** One event of the timeline; {@code text} is its reason, summary or the published name. */
  record TimelineEntry(
      String type,
      OffsetDateTime at,
      OffsetDateTime recordedAt,
      String text,
      LocalDate dueOn,
      Finding finding) {
    static TimelineEntry of(InquiryEntry e) {
      return new TimelineEntry(
          e.type(),
          JapanTime.render(e.at()),
          JapanTime.render(e.recordedAt()),
          e.text(),
          e.dueOn(),
          e.finding());
    }
  }
}
