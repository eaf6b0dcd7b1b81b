package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.facility.Applicant;
import jp.emergencyaccess.ledger.facility.ApplicationDirectory;
import jp.emergencyaccess.ledger.facility.ApplicationIds;
import jp.emergencyaccess.ledger.facility.ApplicationSummary;
import jp.emergencyaccess.ledger.facility.ApproveApplication;
import jp.emergencyaccess.ledger.facility.Attestations;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.RejectApplication;
import jp.emergencyaccess.ledger.facility.SubmitApplication;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Applications (申出, form 別添1): submission by the facility, decision by MHLW. */
@RestController
@RequestMapping("/api/applications")
class ApplicationController {
  private final CommandSender commands;
  private final ApplicationDirectory applications;
  private final Clock clock;

  ApplicationController(CommandSender commands, ApplicationDirectory applications, Clock clock) {
    this.commands = commands;
    this.applications = applications;
    this.clock = clock;
  }

  record SubmitRequest(
      String facilityCode,
      FacilityKind kind,
      String name,
      String nameKana,
      String postalCode,
      String address,
      String phone,
      String reason,
      LocalDate requestedFrom,
      LocalDate requestedUntil,
      Attestations attestations,
      Applicant applicant,
      String clientId,
      OffsetDateTime at) {}

  record ApproveRequest(LocalDate from, LocalDate until, OffsetDateTime at) {}

  record RejectRequest(String reason, OffsetDateTime at) {}

  @Operation(summary = "Submit a facility's application for individual activation (form 別添1)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationAnswer submit(@RequestBody SubmitRequest body) {
    FacilityCode code = FacilityCode.parse("facilityCode", body.facilityCode());
    CurrentAccount.requireOwnFacility(code.value());
    if (body.clientId() != null) {
      ApplicationIds.checkClientId(body.clientId());
    }
    String applicationId = ApplicationIds.forSubmission(code.value(), body.clientId());
    Recorded submitted =
        commands.send(
            new SubmitApplication(
                applicationId,
                code.value(),
                body.kind(),
                body.name(),
                body.nameKana(),
                body.postalCode(),
                body.address(),
                body.phone(),
                body.reason(),
                period(
                    "requestedFrom", body.requestedFrom(), "requestedUntil", body.requestedUntil()),
                body.attestations(),
                body.applicant(),
                body.clientId(),
                CurrentAccount.name(),
                at(body.at()),
                body.at() != null));
    return ApplicationAnswer.of(summary(submitted.id()), submitted.replayed());
  }

  @Operation(summary = "An application and its decision")
  @GetMapping("/{applicationId}")
  ApplicationAnswer get(@PathVariable String applicationId) {
    ApplicationIds.check("applicationId", applicationId);
    ApplicationSummary application = summary(applicationId);
    CurrentAccount.requireOwnFacility(application.facilityCode());
    return ApplicationAnswer.of(application);
  }

  @Operation(summary = "Approve an application, activating or extending the facility")
  @PostMapping("/{applicationId}/approve")
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationAnswer approve(@PathVariable String applicationId, @RequestBody ApproveRequest body) {
    ApplicationIds.check("applicationId", applicationId);
    Period granted = period("from", body.from(), "until", body.until());
    ApplicationSummary application = summary(applicationId);
    commands.send(
        new ApproveApplication(
            application.facilityCode(),
            applicationId,
            granted,
            CurrentAccount.name(),
            at(body.at())));
    return find(applicationId);
  }

  @Operation(summary = "Reject an application")
  @PostMapping("/{applicationId}/reject")
  @ResponseStatus(HttpStatus.CREATED)
  ApplicationAnswer reject(@PathVariable String applicationId, @RequestBody RejectRequest body) {
    ApplicationIds.check("applicationId", applicationId);
    ApplicationSummary application = summary(applicationId);
    commands.send(
        new RejectApplication(
            application.facilityCode(),
            applicationId,
            body.reason(),
            CurrentAccount.name(),
            at(body.at())));
    return find(applicationId);
  }

  private ApplicationAnswer find(String applicationId) {
    return ApplicationAnswer.of(summary(applicationId));
  }

  private ApplicationSummary summary(String applicationId) {
    return applications
        .find(applicationId)
        .orElseThrow(() -> new NotFound("application " + applicationId + " is not known"));
  }

  /** A period whose errors name the request's own fields. */
  static Period period(String fromField, LocalDate from, String untilField, LocalDate until) {
    if (from == null) {
      throw new InvalidField(fromField, "is required");
    }
    if (until == null) {
      throw new InvalidField(untilField, "is required");
    }
    if (until.isBefore(from)) {
      throw new InvalidField(untilField, "must not be before " + fromField + " (" + from + ")");
    }
    return new Period(from, until);
  }

  private Instant at(OffsetDateTime at) {
    return RequestTime.atOrNow(at, clock);
  }
}
