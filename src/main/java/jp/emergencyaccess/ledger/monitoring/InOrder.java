package jp.emergencyaccess.ledger.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Puts one subscriber's events in position order. Events arrive in the order the store makes them
 * visible, which on the JDBC store is not always position order (a lower position can commit after
 * a higher one). An event is released only when every lower position has been released or given up
 * as never committed, so a client's Last-Event-ID is a complete cursor: nothing at or below it is
 * still to come, and nothing above it has been sent.
 */
final class InOrder<T> {
  /** Decides, for the missing positions {@code from} to {@code until - 1}, how many are lost. */
  interface Gaps {
    long lostFrom(long from, long until);
  }

  private final TreeMap<Long, T> held = new TreeMap<>();
  private long cursor;

  /** Starts after {@code position}: that position and everything below it count as done. */
  InOrder(long position) {
    this.cursor = position;
  }

  /** False when the position was already released or given up (a repeat, or a late commit). */
  boolean offer(long position, T event) {
    if (position <= cursor || held.containsKey(position)) {
      return false;
    }
    held.put(position, event);
    return true;
  }

  /** The events that can go out now, in position order. */
  List<T> release(Gaps gaps) {
    List<T> ready = new ArrayList<>();
    while (!held.isEmpty()) {
      Map.Entry<Long, T> first = held.firstEntry();
      long next = cursor + 1;
      if (first.getKey() == next) {
        held.pollFirstEntry();
        ready.add(first.getValue());
        cursor = next;
        continue;
      }
      long lost = gaps.lostFrom(next, first.getKey());
      if (lost <= 0) {
        break;
      }
      cursor += lost;
    }
    return ready;
  }

  /** The highest position released or given up. */
  long cursor() {
    return cursor;
  }

  int held() {
    return held.size();
  }
}
