package jp.emergencyaccess.ledger.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Decides when a missing position will never come. A position missing below a visible one is held
 * by a transaction that has not ended yet, or was rolled back. Once every unit of work of this node
 * that could hold it has ended ({@link InFlightAppends}), the store's answer is final: a committed
 * event there will still be delivered, an empty position is lost. A position no local unit of work
 * explains (another node, or a write outside a unit of work) is given up after {@code
 * ledger.stream.gap-timeout}; an event that commits even later is not sent (and counted in the
 * log). Shared by all subscribers, so one rollback costs one query however many are connected.
 */
@Component
class GapPolicy implements InOrder.Gaps {
  private static final Logger log = LoggerFactory.getLogger(GapPolicy.class);
  private static final int REMEMBERED = 10_000;

  private final InFlightAppends appends;
  private final JdbcTemplate jdbc;
  private final long timeoutNanos;
  private final LongSupplier clock;
  private final Map<Long, Watch> watches = new ConcurrentHashMap<>();

  /**
   * A missing position first seen at {@code since}, when ticket {@code mark} was the newest and
   * positions below {@code until} were visible: every position from the gap to {@code until} was
   * handed out before the mark. Once settled, the store's answer is kept ({@code lost}).
   */
  private static final class Watch {
    final long since;
    final long mark;
    final long until;
    volatile long lost = -1;

    Watch(long since, long mark, long until) {
      this.since = since;
      this.mark = mark;
      this.until = until;
    }
  }

  @Autowired
  GapPolicy(InFlightAppends appends, JdbcTemplate jdbc, StreamProperties properties) {
    this(appends, jdbc, properties.getGapTimeout().toNanos(), System::nanoTime);
  }

  GapPolicy(InFlightAppends appends, JdbcTemplate jdbc, long timeoutNanos, LongSupplier clock) {
    this.appends = appends;
    this.jdbc = jdbc;
    this.timeoutNanos = timeoutNanos;
    this.clock = clock;
  }

  @Override
  public long lostFrom(long from, long until) {
    long now = clock.getAsLong();
    Watch watch = watches.computeIfAbsent(from, p -> new Watch(now, appends.mark(), until));
    if (watches.size() > REMEMBERED) {
      watches.keySet().removeIf(p -> p < from - REMEMBERED);
    }
    if (watch.lost < 0 && appends.settled(watch.mark)) {
      // Final: nothing below watch.until can still be handed out, and its holders have ended.
      Long committed = firstCommitted(from, watch.until);
      watch.lost = (committed == null ? watch.until : committed) - from;
    }
    if (watch.lost > 0) {
      return Math.min(watch.lost, until - from);
    }
    // Not settled yet, or committed and on its way: wait, but not for ever.
    if (now - watch.since > timeoutNanos) {
      log.warn(
          "positions {} to {} did not commit within the gap timeout; the stream goes on without"
              + " them",
          from,
          until - 1);
      return until - from;
    }
    return 0;
  }

  /** Where the JDBC store put the event with this identifier (-1 when it does not know it). */
  long positionOfEvent(String eventId) {
    List<Long> found =
        jdbc.queryForList(
            "select globalindex from domainevententry where eventidentifier = ?",
            Long.class,
            eventId);
    return found.isEmpty() || found.get(0) == null ? -1 : found.get(0);
  }

  /** The lowest committed position in [from, until), or null when there is none. */
  private Long firstCommitted(long from, long until) {
    List<Long> found =
        jdbc.queryForList(
            "select min(globalindex) from domainevententry where globalindex >= ? and globalindex"
                + " < ?",
            Long.class,
            from,
            until);
    return found.isEmpty() ? null : found.get(0);
  }
}
