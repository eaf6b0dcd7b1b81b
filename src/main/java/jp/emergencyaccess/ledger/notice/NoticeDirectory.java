package jp.emergencyaccess.ledger.notice;

import java.util.List;
import java.util.Optional;

/** Which notices are registered: the set that command rules are checked against. */
public interface NoticeDirectory {
  Optional<NoticeSummary> find(String noticeId);

  Optional<NoticeSummary> findRevision(String series, int revision);

  /** All notices, by series and revision. */
  List<NoticeSummary> all();

  /** The notice just before this one in its series, if any. */
  default Optional<NoticeSummary> previous(NoticeSummary notice) {
    return all().stream()
        .filter(n -> n.series().equals(notice.series()) && n.revision() < notice.revision())
        .reduce((a, b) -> b);
  }
}
