package jp.emergencyaccess.ledger.integrity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * Remembers since when each position below the highest one seen has been missing, so that a missing
 * position becomes a permanent gap only after it stayed missing for the gap timeout. A position
 * counts as missing from the first time a higher position was seen while it was absent.
 */
final class GapWatch {
  /** Intervals {@code [previous end, end)} missing since {@code since}; ends increase. */
  private record Seen(long endExclusive, Instant since) {}

  private final ArrayDeque<Seen> seen = new ArrayDeque<>();

  /** Every unchained position below {@code endExclusive} is missing as of {@code now}. */
  void missingBelow(long endExclusive, Instant now) {
    if (seen.isEmpty() || endExclusive > seen.peekLast().endExclusive()) {
      seen.addLast(new Seen(endExclusive, now));
    }
  }

  /** Whether a position has been missing for at least the timeout. Positions are asked in order. */
  boolean permanent(long position, Instant now, Duration timeout) {
    while (!seen.isEmpty() && seen.peekFirst().endExclusive() <= position) {
      seen.removeFirst();
    }
    Seen first = seen.peekFirst();
    return first != null && !Duration.between(first.since(), now).minus(timeout).isNegative();
  }
}
