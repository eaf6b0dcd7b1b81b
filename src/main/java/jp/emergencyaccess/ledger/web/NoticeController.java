package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeIds;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import jp.emergencyaccess.ledger.notice.RegisterNotice;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/notices")
class NoticeController {
  private final CommandSender commands;
  private final NoticeDirectory notices;
  private final Clock clock;

  NoticeController(CommandSender commands, NoticeDirectory notices, Clock clock) {
    this.commands = commands;
    this.notices = notices;
    this.clock = clock;
  }

  @Schema(name = "RegisterNoticeRequest")
  record RegisterRequest(
      @NotBlank String noticeId,
      @NotBlank String series,
      @NotNull Integer revision,
      @NotNull LocalDate issuedOn,
      @NotBlank String title,
      String confirmation) {}

  record NoticeAnswer(
      String noticeId,
      String series,
      int revision,
      LocalDate issuedOn,
      String title,
      String confirmation,
      OffsetDateTime registeredAt,
      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean replayed) {
    static NoticeAnswer of(NoticeSummary n) {
      return of(n, null);
    }

    /** {@code replayed} is given only in the answer to a registration: whether it was a retry. */
    static NoticeAnswer of(NoticeSummary n, Boolean replayed) {
      return new NoticeAnswer(
          n.noticeId(),
          n.series(),
          n.revision(),
          n.issuedOn(),
          n.title(),
          n.confirmation(),
          JapanTime.render(n.registeredAt()),
          replayed);
    }
  }

  @Operation(summary = "Register an office notice (事務連絡) revision")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  NoticeAnswer register(@Valid @RequestBody RegisterRequest body) {
    Recorded registered =
        commands.send(
            new RegisterNotice(
                body.noticeId(),
                body.series(),
                body.revision(),
                body.issuedOn(),
                body.title(),
                body.confirmation(),
                clock.instant()));
    return NoticeAnswer.of(find(registered.id()), registered.replayed());
  }

  @Operation(summary = "Notices in order")
  @GetMapping
  List<NoticeAnswer> list() {
    return notices.all().stream().map(NoticeAnswer::of).toList();
  }

  @Operation(summary = "One notice")
  @GetMapping("/{noticeId}")
  NoticeAnswer get(@PathVariable String noticeId) {
    NoticeIds.check("noticeId", noticeId);
    return NoticeAnswer.of(find(noticeId));
  }

  private NoticeSummary find(String noticeId) {
    return notices
        .find(noticeId)
        .orElseThrow(() -> new NotFound("notice " + noticeId + " is not registered"));
  }
}
