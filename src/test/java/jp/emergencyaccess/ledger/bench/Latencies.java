package jp.emergencyaccess.ledger.bench;

import java.util.Arrays;

/** Latencies of one measured run, in nanoseconds, and the rate they add up to. */
public final class Latencies {
  private final long[] nanos;
  private int count;

  public Latencies(int capacity) {
    nanos = new long[capacity];
  }

  public synchronized void add(long latencyNanos) {
    if (count < nanos.length) {
      nanos[count++] = latencyNanos;
    }
  }

  public synchronized void addAll(Latencies other) {
    for (int i = 0; i < other.count; i++) {
      add(other.nanos[i]);
    }
  }

  public synchronized int count() {
    return count;
  }

  /** The latency at quantile q (0..1) in milliseconds. */
  public synchronized double quantileMillis(double q) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(nanos, count);
    Arrays.sort(sorted);
    int index = (int) Math.min(count - 1, Math.ceil(q * count) - 1);
    return sorted[Math.max(0, index)] / 1_000_000.0;
  }
}
