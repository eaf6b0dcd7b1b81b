package jp.emergencyaccess.ledger.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting in the test worlds' one language: read models are written by tracking processors after
 * the command is answered, so a test polls until what it expects holds, or fails saying what.
 */
public final class Eventually {
  private static final Duration DEFAULT = Duration.ofSeconds(60);

  private Eventually() {}

  /** Waits up to a minute until the condition holds. */
  public static void eventually(String what, BooleanSupplier condition) {
    eventually(DEFAULT, what, condition);
  }

  public static void eventually(Duration limit, String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("gave up after " + limit + " waiting: " + what);
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
