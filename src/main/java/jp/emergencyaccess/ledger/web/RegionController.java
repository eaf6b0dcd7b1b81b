package jp.emergencyaccess.ledger.web;

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
import jp.emergencyaccess.ledger.activation.ActivateRegion;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.ActivePeriod;
import jp.emergencyaccess.ledger.activation.EndRegionActivation;
import jp.emergencyaccess.ledger.activation.ExtendRegionActivation;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Period;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.notice.NoticeIds;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/regions/{regionCode}")
class RegionController {
  private final CommandSender commands;
  private final ActivationQueries activation;
  private final RegionNames names;
  private final Clock clock;

  RegionController(
      CommandSender commands, ActivationQueries activation, RegionNames names, Clock clock) {
    this.commands = commands;
    this.activation = activation;
    this.names = names;
    this.clock = clock;
  }

  record ActivateRequest(
      @NotNull LocalDate from,
      @NotNull LocalDate until,
      @NotBlank String noticeId,
      OffsetDateTime at) {}

  @Schema(name = "ExtendRegionRequest")
  record ExtendRequest(@NotNull LocalDate until, @NotBlank String noticeId, OffsetDateTime at) {}

  record EndRequest(@NotNull LocalDate lastDay, @NotBlank String noticeId, OffsetDateTime at) {}

  record PeriodAnswer(LocalDate from, LocalDate until, String noticeId, String activatedBy) {
    static PeriodAnswer of(ActivePeriod p) {
      return new PeriodAnswer(p.from(), p.until(), p.noticeId(), p.activatedBy());
    }
  }

  record RegionAnswer(
      String regionCode, String name, boolean prefecture, List<PeriodAnswer> periods) {}

  @Operation(summary = "Activate a region for a period under a notice")
  @PostMapping("/activate")
  @ResponseStatus(HttpStatus.CREATED)
  RegionAnswer activate(@PathVariable String regionCode, @Valid @RequestBody ActivateRequest body) {
    RegionCode code = names.require("regionCode", regionCode);
    Period period = new Period(body.from(), body.until());
    NoticeIds.check("noticeId", body.noticeId());
    commands.send(new ActivateRegion(code.value(), period, body.noticeId(), at(body.at())));
    return answer(code);
  }

  @Operation(summary = "Extend a region's latest activation period")
  @PostMapping("/extend")
  @ResponseStatus(HttpStatus.CREATED)
  RegionAnswer extend(@PathVariable String regionCode, @Valid @RequestBody ExtendRequest body) {
    RegionCode code = RegionCode.parse("regionCode", regionCode);
    NoticeIds.check("noticeId", body.noticeId());
    commands.send(
        new ExtendRegionActivation(code.value(), body.until(), body.noticeId(), at(body.at())));
    return answer(code);
  }

  @Operation(summary = "End a region's latest activation period on a given day")
  @PostMapping("/end")
  @ResponseStatus(HttpStatus.CREATED)
  RegionAnswer end(@PathVariable String regionCode, @Valid @RequestBody EndRequest body) {
    RegionCode code = RegionCode.parse("regionCode", regionCode);
    NoticeIds.check("noticeId", body.noticeId());
    commands.send(
        new EndRegionActivation(code.value(), body.lastDay(), body.noticeId(), at(body.at())));
    return answer(code);
  }

  @Operation(summary = "A region's activation periods, each with its notice")
  @GetMapping
  RegionAnswer get(@PathVariable String regionCode) {
    RegionCode code = RegionCode.parse("regionCode", regionCode);
    RegionAnswer answer = answer(code);
    if (answer.periods().isEmpty() && answer.name() == null) {
      throw new NotFound("region " + regionCode + " has no recorded activation");
    }
    return answer;
  }

  private RegionAnswer answer(RegionCode code) {
    return new RegionAnswer(
        code.value(),
        names.nameOf(code.value()).orElse(null),
        code.isPrefecture(),
        activation.periodsOf(code).stream().map(PeriodAnswer::of).toList());
  }

  private Instant at(OffsetDateTime at) {
    return RequestTime.atOrNow(at, clock);
  }
}
