package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.ActivePeriod;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.activation.Coverage;
import jp.emergencyaccess.ledger.activation.FacilityCoverage;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RegionMaster;
import jp.emergencyaccess.ledger.facility.ApplicationIds;
import jp.emergencyaccess.ledger.facility.ExtendFacility;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.facility.RegisterFacility;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.investigation.ServiceStatus;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/facilities")
class FacilityController {
  private final CommandSender commands;
  private final FacilityDirectory facilities;
  private final ActivationQueries activation;
  private final FacilityCoverage coverage;
  private final ServiceStatus service;
  private final Clock clock;
  private final RegionMaster regions;

  FacilityController(
      CommandSender commands,
      FacilityDirectory facilities,
      ActivationQueries activation,
      FacilityCoverage coverage,
      ServiceStatus service,
      Clock clock,
      RegionMaster regions) {
    this.regions = regions;
    this.coverage = coverage;
    this.service = service;
    this.commands = commands;
    this.facilities = facilities;
    this.activation = activation;
    this.clock = clock;
  }

  @Schema(name = "RegisterFacilityRequest")
  record RegisterRequest(
      @NotBlank String facilityCode,
      @NotNull FacilityKind kind,
      @NotBlank String name,
      @NotBlank String nameKana,
      @NotBlank String postalCode,
      @NotBlank String address,
      @NotBlank String municipalityCode,
      @NotBlank String phone,
      OffsetDateTime at) {}

  @Schema(name = "ExtendFacilityRequest")
  record ExtendRequest(LocalDate until, String applicationId, OffsetDateTime at) {}

  record IndividualPeriod(
      LocalDate from, LocalDate until, String applicationId, String activatedBy) {
    static IndividualPeriod of(ActivePeriod p) {
      return new IndividualPeriod(p.from(), p.until(), p.applicationId(), p.activatedBy());
    }
  }

  record PublishedFacility(
      String facilityCode, String name, String address, List<IndividualPeriod> periods) {}

  record FacilityAnswer(
      String facilityCode,
      FacilityKind kind,
      String name,
      String nameKana,
      String postalCode,
      String address,
      String municipalityCode,
      String phone,
      OffsetDateTime registeredAt,
      Activation activation,
      ServiceStatusAnswer serviceStatus,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean replayed) {
    /** {@code replayed} is given only in the answer to a registration: whether it was a retry. */
    static FacilityAnswer of(
        FacilitySummary f,
        Activation activation,
        ServiceStatusAnswer serviceStatus,
        Boolean replayed) {
      return new FacilityAnswer(
          f.facilityCode(),
          f.kind(),
          f.name(),
          f.nameKana(),
          f.postalCode(),
          f.address(),
          f.municipalityCode(),
          f.phone(),
          JapanTime.render(f.registeredAt()),
          activation,
          serviceStatus,
          replayed);
    }
  }

  /**
   * The facility's own (individual) periods, and whether it is switched on now (by its region or
   * its own period), with the basis.
   */
  record Activation(
      List<IndividualPeriod> individualPeriods,
      OffsetDateTime at,
      boolean active,
      List<ActivationController.Basis> basis) {}

  @Operation(summary = "Register a facility (medical institution or pharmacy)")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  FacilityAnswer register(@Valid @RequestBody RegisterRequest body) {
    RegisterFacility registration =
        new RegisterFacility(
            body.facilityCode(),
            body.kind(),
            body.name(),
            body.nameKana(),
            body.postalCode(),
            body.address(),
            body.municipalityCode(),
            body.phone(),
            RequestTime.atOrNow(body.at(), clock),
            body.at() != null);
    regions.require("municipalityCode", registration.municipalityCode());
    Recorded registered = commands.send(registration);
    return answer(registered.id(), registered.replayed());
  }

  @Operation(summary = "Extend a facility's individual activation")
  @PostMapping("/{facilityCode}/extend")
  @ResponseStatus(HttpStatus.CREATED)
  FacilityAnswer extend(@PathVariable String facilityCode, @RequestBody ExtendRequest body) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    if (body.until() == null) {
      throw new InvalidField("until", "is required");
    }
    ApplicationIds.check("applicationId", body.applicationId());
    get(code.value());
    commands.send(
        new ExtendFacility(
            code.value(),
            body.until(),
            body.applicationId(),
            RequestTime.atOrNow(body.at(), clock)));
    return get(code.value());
  }

  /** The published list: facilities switched on individually, by code, each with its periods. */
  @Operation(summary = "The published list of individually activated facilities, with periods")
  @GetMapping("/individually-activated")
  List<PublishedFacility> individuallyActivated() {
    return activation.individualPeriods().entrySet().stream()
        .map(
            e -> {
              FacilitySummary f = facilities.find(e.getKey()).orElse(null);
              return new PublishedFacility(
                  e.getKey(),
                  f == null ? null : f.name(),
                  f == null ? null : f.address(),
                  e.getValue().stream().map(IndividualPeriod::of).toList());
            })
        .toList();
  }

  @Operation(summary = "A facility's master data, activation and service status")
  @GetMapping("/{facilityCode}")
  FacilityAnswer get(@PathVariable String facilityCode) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    CurrentAccount.requireOwnFacility(code.value());
    return answer(code.value(), null);
  }

  private FacilityAnswer answer(String facilityCode, Boolean replayed) {
    FacilitySummary facility =
        facilities
            .find(facilityCode)
            .orElseThrow(() -> new NotFound("facility " + facilityCode + " is not registered"));
    return FacilityAnswer.of(
        facility,
        activationOf(facility),
        ServiceStatusAnswer.of(service, facility.facilityCode(), clock.instant()),
        replayed);
  }

  private Activation activationOf(FacilitySummary facility) {
    Instant now = clock.instant();
    Coverage current = coverage.of(facility, now, AsOf.EVERYTHING);
    return new Activation(
        activation
            .periodsOf(ActivationChange.Kind.FACILITY, facility.facilityCode(), c -> true)
            .stream()
            .map(IndividualPeriod::of)
            .toList(),
        JapanTime.render(now),
        current.active(),
        current.basis().stream().map(ActivationController.Basis::of).toList());
  }
}
