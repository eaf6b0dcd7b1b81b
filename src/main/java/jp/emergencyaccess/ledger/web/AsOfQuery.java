package jp.emergencyaccess.ledger.web;

import java.time.Instant;
import jp.emergencyaccess.ledger.activation.AsOf;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.notice.NoticeDirectory;
import jp.emergencyaccess.ledger.notice.NoticeIds;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/** The knowledge-time query parameters {@code revision} (a notice id) and {@code knownAt}. */
final class AsOfQuery {
  private AsOfQuery() {}

  static AsOf parse(NoticeDirectory notices, InputDates dates, String revision, String knownAt) {
    NoticeSummary notice = null;
    if (revision != null) {
      NoticeIds.check("revision", revision);
      notice =
          notices
              .find(revision)
              .orElseThrow(() -> new NotFound("notice " + revision + " is not registered"));
    }
    Instant known = dates.instantOrDate("knownAt", knownAt);
    return new AsOf(notice, known);
  }
}
