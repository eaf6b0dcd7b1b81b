package jp.emergencyaccess.ledger.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.activation.ActivationQueries;
import jp.emergencyaccess.ledger.activation.NoticeDiff;
import jp.emergencyaccess.ledger.activation.RegionNames;
import jp.emergencyaccess.ledger.activation.TimeTravel;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeIds;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** What a revision changed, and a region's whole history, from the compact activation history. */
@RestController
class TimeTravelController {
  private final TimeTravel timeTravel;
  private final ActivationQueries activation;
  private final NoticeDirectory notices;
  private final RegionNames names;

  TimeTravelController(
      TimeTravel timeTravel,
      ActivationQueries activation,
      NoticeDirectory notices,
      RegionNames names) {
    this.timeTravel = timeTravel;
    this.activation = activation;
    this.notices = notices;
    this.names = names;
  }

  record NoticeRef(String noticeId, int revision, LocalDate issuedOn, String title) {
    static NoticeRef of(NoticeSummary n) {
      return n == null ? null : new NoticeRef(n.noticeId(), n.revision(), n.issuedOn(), n.title());
    }
  }

  record Activated(String regionCode, String name, LocalDate from, LocalDate until) {}

  record Moved(
      String regionCode, String name, LocalDate from, LocalDate previousUntil, LocalDate until) {}

  record FacilitySwitchedOn(
      String facilityCode,
      String change,
      LocalDate from,
      LocalDate previousUntil,
      LocalDate until,
      String applicationId,
      OffsetDateTime at) {}

  record DiffAnswer(
      String noticeId,
      String series,
      int revision,
      LocalDate issuedOn,
      String title,
      String confirmation,
      NoticeRef previous,
      List<Activated> activated,
      List<Moved> extended,
      List<Moved> ended,
      List<FacilitySwitchedOn> facilitiesSwitchedOn) {}

  record PeriodEntry(LocalDate from, LocalDate until, String noticeId, String activatedBy) {}

  record ChangeEntry(
      long seq,
      String change,
      LocalDate from,
      LocalDate previousUntil,
      LocalDate until,
      String noticeId,
      String series,
      Integer revision,
      OffsetDateTime at,
      OffsetDateTime recordedAt) {}

  record TimelineAnswer(
      String regionCode,
      String name,
      boolean prefecture,
      List<PeriodEntry> periods,
      List<ChangeEntry> changes) {}

  @Operation(summary = "What a notice revision changed against the revision before it")
  @GetMapping("/api/notices/{noticeId}/diff")
  DiffAnswer diff(@PathVariable String noticeId) {
    NoticeIds.check("noticeId", noticeId);
    NoticeSummary notice =
        notices
            .find(noticeId)
            .orElseThrow(() -> new NotFound("notice " + noticeId + " is not registered"));
    NoticeDiff diff = timeTravel.diff(notice);
    return new DiffAnswer(
        notice.noticeId(),
        notice.series(),
        notice.revision(),
        notice.issuedOn(),
        notice.title(),
        notice.confirmation(),
        NoticeRef.of(diff.previous()),
        diff.activated().stream()
            .map(c -> new Activated(c.subject(), name(c), c.from(), c.until()))
            .toList(),
        diff.extended().stream().map(this::moved).toList(),
        diff.ended().stream().map(this::moved).toList(),
        diff.facilitiesSwitchedOn().stream()
            .map(
                c ->
                    new FacilitySwitchedOn(
                        c.subject(),
                        c.change().name(),
                        c.from(),
                        c.previousUntil(),
                        c.until(),
                        c.applicationId(),
                        JapanTime.render(c.at())))
            .toList());
  }

  @Operation(summary = "Every period and change of a region in order, each with its notice")
  @GetMapping("/api/regions/{regionCode}/timeline")
  TimelineAnswer timeline(@PathVariable String regionCode) {
    RegionCode code = RegionCode.parse("regionCode", regionCode);
    List<ActivationChange> changes = timeTravel.changesOf(code);
    String name = names.nameOf(code.value()).orElse(null);
    if (changes.isEmpty() && name == null) {
      throw new NotFound("region " + regionCode + " has no recorded activation");
    }
    return new TimelineAnswer(
        code.value(),
        name,
        code.isPrefecture(),
        activation.periodsOf(code).stream()
            .map(p -> new PeriodEntry(p.from(), p.until(), p.noticeId(), p.activatedBy()))
            .toList(),
        changes.stream()
            .map(
                c ->
                    new ChangeEntry(
                        c.seq(),
                        c.change().name(),
                        c.from(),
                        c.previousUntil(),
                        c.until(),
                        c.noticeId(),
                        c.series(),
                        c.revision(),
                        JapanTime.render(c.at()),
                        JapanTime.render(c.recordedAt())))
            .toList());
  }

  private Moved moved(ActivationChange c) {
    return new Moved(c.subject(), name(c), c.from(), c.previousUntil(), c.until());
  }

  private String name(ActivationChange c) {
    return names.nameOf(c.subject()).orElse(null);
  }
}
