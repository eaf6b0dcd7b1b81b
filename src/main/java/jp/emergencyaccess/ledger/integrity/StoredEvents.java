package jp.emergencyaccess.ledger.integrity;

import java.util.List;
import java.util.OptionalLong;

/**
 * Where the chain reads events from: the JDBC event table (embedded default, postgres profile), or
 * Axon's event stream (axonserver profile, where the store has no table we can read).
 */
public interface StoredEvents {
  /** Up to {@code max} events at positions {@code from..to} (inclusive), in position order. */
  List<StoredEvent> range(long from, long to, int max);

  /**
   * The position the store gives its first event: the JDBC tables' identity column starts at 1,
   * Axon Server numbers from 0. The chain starts there, so that no first event stays unchained.
   */
  default long firstPosition() {
    return 1;
  }

  /** The highest position the store holds, or 0 when it holds none. */
  long highestPosition();

  /** The lowest position the store holds, if it holds any. */
  OptionalLong lowestPosition();

  /**
   * How many events the store holds above {@code after} up to {@code upTo}. This default counts
   * positions, right for a store without gaps (Axon Server); the JDBC table counts its rows.
   */
  default long countBetween(long after, long upTo) {
    return Math.max(0, upTo - after);
  }
}
