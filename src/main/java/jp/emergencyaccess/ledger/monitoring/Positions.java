package jp.emergencyaccess.ledger.monitoring;

import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

/**
 * Global positions and Axon tracking tokens. The JDBC engine's tokens are gap-aware, Axon Server's
 * are plain global sequences; the position of an event is the token's position in both.
 */
final class Positions {
  private Positions() {}

  /** The position of the newest event, or -1 for an empty store. */
  static long head(StreamableMessageSource<TrackedEventMessage<?>> source) {
    TrackingToken head = source.createHeadToken();
    return head == null ? -1 : head.position().orElse(-1);
  }

  /**
   * The position of an event, given the token of the event before it in the same stream. A token's
   * position is the highest position it has seen; an event that fills a gap below it (a late
   * commit) leaves the position unchanged and removes itself from the gaps, which tells where it
   * is. When that is ambiguous (gaps dropped at the same time), the store is asked.
   */
  static long of(
      TrackedEventMessage<?> message, TrackingToken previous, ToLongFunction<String> byEventId) {
    TrackingToken token = message.trackingToken();
    long index = token.position().orElseThrow();
    if (previous == null || index > previous.position().orElse(-1)) {
      return index;
    }
    if (previous instanceof GapAwareTrackingToken before
        && token instanceof GapAwareTrackingToken after) {
      SortedSet<Long> filled = new TreeSet<>(before.getGaps());
      filled.removeAll(after.getGaps());
      if (filled.size() == 1) {
        return filled.first();
      }
    }
    return byEventId.applyAsLong(message.getIdentifier());
  }

  /** A token that makes the source deliver the events after {@code position}. */
  static TrackingToken after(
      long position, StreamableMessageSource<TrackedEventMessage<?>> source) {
    if (position < 0) {
      return null;
    }
    TrackingToken head = source.createHeadToken();
    if (head instanceof GlobalSequenceTrackingToken) {
      return new GlobalSequenceTrackingToken(position);
    }
    // Gap-aware (the JDBC and JPA engines), and the natural choice for an empty store.
    return GapAwareTrackingToken.newInstance(position, java.util.Collections.emptySet());
  }
}
