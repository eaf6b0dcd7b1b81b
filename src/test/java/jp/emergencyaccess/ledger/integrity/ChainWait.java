package jp.emergencyaccess.ledger.integrity;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Waits for the chainer, which runs on its own thread. The bound is a liveness limit (a stuck
 * chainer fails the test), not a speed requirement.
 */
final class ChainWait {
  private static final Duration LIMIT = Duration.ofMinutes(3);

  private ChainWait() {}

  static long lastEvent(JdbcTemplate jdbc) {
    Long max = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    return max == null ? 0 : max;
  }

  static long positionOf(JdbcTemplate jdbc, String aggregateIdentifier) {
    return jdbc.queryForObject(
        "select max(globalindex) from domainevententry where aggregateidentifier = ?",
        Long.class,
        aggregateIdentifier);
  }

  static void untilChained(JdbcTemplate jdbc, long position) {
    until(
        () -> {
          Long head = jdbc.queryForObject("select max(position) from integrity_chain", Long.class);
          return head != null && head >= position;
        },
        "position " + position + " chained");
  }

  static void untilCheckpointed(JdbcTemplate jdbc, long position) {
    until(
        () -> {
          Long last =
              jdbc.queryForObject("select max(position) from integrity_checkpoint", Long.class);
          return last != null && last >= position;
        },
        "position " + position + " covered by a checkpoint");
  }

  static void until(BooleanSupplier condition, String what) {
    long deadline = System.nanoTime() + LIMIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
