package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
import jp.emergencyaccess.ledger.activation.CoverageBasis;
import jp.emergencyaccess.ledger.activation.FacilityCoverage;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.infra.CurrentAccount;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/activation")
class ActivationController {
  private final ActivationQueries activation;
  private final FacilityCoverage coverage;
  private final NoticeDirectory notices;
  private final RegionNames names;
  private final Clock clock;
  private final InputDates dates;

  ActivationController(
      ActivationQueries activation,
      FacilityCoverage coverage,
      NoticeDirectory notices,
      RegionNames names,
      Clock clock,
      InputDates dates) {
    this.dates = dates;
    this.activation = activation;
    this.coverage = coverage;
    this.notices = notices;
    this.clock = clock;
    this.names = names;
  }

  record RegionEntry(
      String regionCode, String name, LocalDate from, LocalDate until, String noticeId) {}

  record FacilityEntry(
      String facilityCode, LocalDate from, LocalDate until, String applicationId) {}

  record ActivationAnswer(
      OffsetDateTime at,
      String revision,
      OffsetDateTime knownAt,
      List<RegionEntry> regions,
      List<FacilityEntry> facilities) {}

  /**
   * One basis entry: the shape of {@link jp.emergencyaccess.ledger.access.CoveredBy}, plus the
   * period.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Basis(
      String kind,
      String regionCode,
      String noticeId,
      List<String> notices,
      String applicationId,
      List<String> applications,
      @JsonInclude(JsonInclude.Include.ALWAYS) Boolean retroactive,
      LocalDate from,
      LocalDate until) {
    static Basis of(CoverageBasis b) {
      return new Basis(
          b.kind().name(),
          b.regionCode(),
          b.noticeId(),
          b.notices(),
          b.applicationId(),
          b.applications(),
          b.retroactive(),
          b.from(),
          b.until());
    }
  }

  /** {@code revision} appears only when the question named one. */
  record FacilityCheckAnswer(
      String facilityCode,
      OffsetDateTime at,
      @JsonInclude(JsonInclude.Include.NON_NULL) String revision,
      @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime knownAt,
      boolean active,
      List<Basis> basis,
      List<String> reasons) {}

  record CheckAnswer(
      String regionCode,
      OffsetDateTime at,
      boolean active,
      List<Basis> basis,
      List<String> reasons) {}

  @Operation(
      summary =
          "Regions and facilities active at an instant, as of a notice revision or a recording time")
  @GetMapping
  ActivationAnswer state(
      @RequestParam(required = false) String at,
      @RequestParam(required = false) String revision,
      @RequestParam(required = false) String knownAt) {
    Instant when = instant("at", at);
    AsOf asOf = asOf(revision, knownAt);
    List<ActivePeriod> active = activation.activeAt(when, asOf.filter());
    return new ActivationAnswer(
        JapanTime.render(when),
        revision,
        JapanTime.render(asOf.knownAt()),
        active.stream()
            .filter(p -> p.kind() == ActivationChange.Kind.REGION)
            .map(
                p ->
                    new RegionEntry(
                        p.subject(),
                        names.nameOf(p.subject()).orElse(null),
                        p.from(),
                        p.until(),
                        p.noticeId()))
            .toList(),
        active.stream()
            .filter(p -> p.kind() == ActivationChange.Kind.FACILITY)
            .map(p -> new FacilityEntry(p.subject(), p.from(), p.until(), p.applicationId()))
            .toList());
  }

  /** Asks about exactly one of a facility or a region. */
  @Operation(
      summary = "Whether one facility (or region) is active at an instant, and on what basis")
  @ApiResponse(
      responseCode = "200",
      description = "The answer for the facility (?facility=) or for the region (?region=)",
      content = @Content(schema = @Schema(oneOf = {FacilityCheckAnswer.class, CheckAnswer.class})))
  @GetMapping("/check")
  Object check(
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) String region,
      @RequestParam(required = false) String at,
      @RequestParam(required = false) String revision,
      @RequestParam(required = false) String knownAt) {
    if (facility != null && region != null) {
      throw new InvalidField("region", "must not be given together with facility: ask about one");
    }
    if (facility != null) {
      return checkFacility(facility, at, revision, knownAt);
    }
    if (region != null) {
      return checkRegion(region, at, revision, knownAt);
    }
    throw new InvalidField("facility", "or region is required");
  }

  private CheckAnswer checkRegion(String region, String at, String revision, String knownAt) {
    RegionCode code = names.require("region", region);
    Instant when = instant("at", at);
    List<Basis> basis =
        activation.regionCoverage(code, when, asOf(revision, knownAt).filter()).stream()
            .map(p -> Basis.of(CoverageBasis.of(p, when)))
            .toList();
    return new CheckAnswer(
        code.value(),
        JapanTime.render(when),
        !basis.isEmpty(),
        basis,
        basis.isEmpty() ? List.of("NOT_ACTIVATED") : List.of());
  }

  /** A facility's own account may check only itself. */
  private FacilityCheckAnswer checkFacility(
      String facility, String at, String revision, String knownAt) {
    FacilityCode code = FacilityCode.parse("facility", facility);
    CurrentAccount.requireOwnFacility(code.value());
    Instant when = instant("at", at);
    AsOf asOf = asOf(revision, knownAt);
    Coverage answer = coverage.of(code.value(), when, asOf);
    return new FacilityCheckAnswer(
        code.value(),
        JapanTime.render(when),
        revision,
        JapanTime.render(asOf.knownAt()),
        answer.active(),
        answer.basis().stream().map(Basis::of).toList(),
        answer.reasons());
  }

  private Instant instant(String field, String value) {
    Instant parsed = dates.instantOrDate(field, value);
    return parsed == null ? clock.instant() : parsed;
  }

  private AsOf asOf(String revision, String knownAt) {
    return AsOfQuery.parse(notices, dates, revision, knownAt);
  }
}
