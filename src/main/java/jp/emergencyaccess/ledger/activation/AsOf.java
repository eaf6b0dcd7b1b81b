package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.function.Predicate;
import jp.emergencyaccess.ledger.notice.NoticeSummary;

/**
 * The knowledge axis of an activation question; the valid-time axis ({@code at}, the instant the
 * question is about) is separate and applied after folding.
 *
 * <ul>
 *   <li>{@code revision}: only the effects of notices up to and including that revision of its
 *       series. Later revisions are ignored even when they were recorded earlier (history is often
 *       entered after the fact, and out of order). Region changes citing notices of <em>other</em>
 *       series are kept: a series is one disaster, and a question about the Noto series at (その8)
 *       says nothing about a typhoon in Kagoshima. Facility (application-based) activations cite no
 *       notice and are kept too; to see only what was known when the revision came out, add {@code
 *       knownAt}.
 *   <li>{@code knownAt}: only the changes the ledger had recorded by that instant (the event's
 *       {@code recordedAt}, inclusive), whatever they cite.
 * </ul>
 *
 * Both null means everything recorded. The kept changes are folded in recording order; a change to
 * a period whose opening was filtered out is skipped (see {@link ActivationFold}).
 */
public record AsOf(NoticeSummary revision, Instant knownAt) {
  public static final AsOf EVERYTHING = new AsOf(null, null);

  public static AsOf revision(NoticeSummary notice) {
    return new AsOf(notice, null);
  }

  public Predicate<ActivationChange> filter() {
    return change -> knownBy(change) && withinRevision(change);
  }

  private boolean knownBy(ActivationChange change) {
    return knownAt == null || !change.recordedAt().isAfter(knownAt);
  }

  private boolean withinRevision(ActivationChange change) {
    return revision == null
        || change.series() == null
        || change.revision() == null
        || !change.series().equals(revision.series())
        || change.revision() <= revision.revision();
  }
}
