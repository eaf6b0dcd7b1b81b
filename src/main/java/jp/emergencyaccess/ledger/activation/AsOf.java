package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.function.Predicate;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/**
 * The knowledge axis of an activation question: only the effects of notices up to and including
 * {@code revision} of its series, and/or only what the ledger had recorded by {@code knownAt}. Both
 * null means everything recorded.
 */
public record AsOf(NoticeSummary revision, Instant knownAt) {
  public static final AsOf EVERYTHING = new AsOf(null, null);

  public Predicate<ActivationChange> filter() {
    return change -> knownBy(change) && withinRevision(change);
  }

  private boolean knownBy(ActivationChange change) {
    return knownAt == null || !change.recordedAt().isAfter(knownAt);
  }

  /** Changes of another series, and facility changes, are not limited by the revision. */
  private boolean withinRevision(ActivationChange change) {
    return revision == null
        || change.series() == null
        || !change.series().equals(revision.series())
        || change.revision() <= revision.revision();
  }
}
