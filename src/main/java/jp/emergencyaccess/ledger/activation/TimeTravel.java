package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeSummary;
import org.springframework.stereotype.Service;

/** Diffs between revisions and region timelines, from the compact activation history only. */
@Service
public class TimeTravel {
  private final ActivationLog log;
  private final NoticeDirectory notices;

  public TimeTravel(ActivationLog log, NoticeDirectory notices) {
    this.log = log;
    this.notices = notices;
  }

  /**
   * Region changes come from the rows that cite the notice (each row keeps the last day it
   * replaced, so an end on the planned day still shows as an end). Facility activations cite an
   * application, not a notice: they are attributed to the revision that was the latest of its
   * series at their {@code at} — from 00:00 JST on its issue date up to 00:00 JST on the next
   * revision's.
   */
  public NoticeDiff diff(NoticeSummary notice) {
    List<ActivationChange> rows = log.changesCiting(notice.noticeId());
    Instant from = JapanTime.startOf(notice.issuedOn());
    Optional<Instant> until = next(notice).map(n -> JapanTime.startOf(n.issuedOn()));
    List<ActivationChange> facilities =
        log.changes().stream()
            .filter(c -> c.kind() == ActivationChange.Kind.FACILITY)
            .filter(c -> !c.at().isBefore(from) && until.map(c.at()::isBefore).orElse(true))
            .toList();
    return new NoticeDiff(
        notice,
        notices.previous(notice).orElse(null),
        of(rows, ActivationChange.Change.ACTIVATED),
        of(rows, ActivationChange.Change.EXTENDED),
        of(rows, ActivationChange.Change.ENDED),
        facilities);
  }

  /** Every recorded change of the region, in recording order. */
  public List<ActivationChange> changesOf(RegionCode region) {
    return log.changesOf(ActivationChange.Kind.REGION, region.value());
  }

  private Optional<NoticeSummary> next(NoticeSummary notice) {
    return notices.all().stream()
        .filter(n -> n.series().equals(notice.series()) && n.revision() > notice.revision())
        .min(Comparator.comparingInt(NoticeSummary::revision));
  }

  private static List<ActivationChange> of(
      List<ActivationChange> rows, ActivationChange.Change change) {
    return rows.stream()
        .filter(c -> c.kind() == ActivationChange.Kind.REGION && c.change() == change)
        .sorted(Comparator.comparing(ActivationChange::subject))
        .toList();
  }
}
