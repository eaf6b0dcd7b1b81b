package jp.emergencyaccess.ledger.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilityKind;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import jp.emergencyaccess.ledger.facility.RegisterFacility;
import jp.emergencyaccess.ledger.infra.Commands;
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
  private final Commands commands;
  private final FacilityDirectory facilities;
  private final ServiceStatus service;
  private final Clock clock;

  FacilityController(
      Commands commands, FacilityDirectory facilities, ServiceStatus service, Clock clock) {
    this.commands = commands;
    this.facilities = facilities;
    this.service = service;
    this.clock = clock;
  }

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
      ServiceStatusAnswer serviceStatus) {
    static FacilityAnswer of(FacilitySummary f, ServiceStatusAnswer serviceStatus) {
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
          serviceStatus);
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  FacilityAnswer register(@Valid @RequestBody RegisterRequest body) {
    commands.send(
        new RegisterFacility(
            body.facilityCode(),
            body.kind(),
            body.name(),
            body.nameKana(),
            body.postalCode(),
            body.address(),
            body.municipalityCode(),
            body.phone(),
            body.at() == null ? clock.instant() : body.at().toInstant()));
    return get(body.facilityCode());
  }

  @GetMapping("/{facilityCode}")
  FacilityAnswer get(@PathVariable String facilityCode) {
    FacilityCode code = FacilityCode.parse("facilityCode", facilityCode);
    CurrentAccount.requireOwnFacility(code.value());
    Instant now = clock.instant();
    return facilities
        .find(code.value())
        .map(f -> FacilityAnswer.of(f, ServiceStatusAnswer.of(service, f.facilityCode(), now)))
        .orElseThrow(() -> new NotFound("facility " + facilityCode + " is not registered"));
  }
}
