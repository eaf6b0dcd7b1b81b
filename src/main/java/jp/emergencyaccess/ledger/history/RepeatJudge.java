package jp.emergencyaccess.ledger.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The REPEATED_PATIENT judgement of one patient at one facility, for a cluster of new attempts
 * (pure, no store): an attempt at {@code t} is repeated when more than {@code maxAttempts} attempts
 * of the patient lie in {@code (t − window, t]}, itself included.
 *
 * <p>Given the new attempts of a cluster and every stored attempt within {@code window} of them
 * (the open range from {@code min − window} to {@code max + window}), it answers which new attempts
 * are repeated and which stored, not yet flagged ones become repeated. Adding attempts never lowers
 * a count, so a stored flag never has to be taken back.
 */
final class RepeatJudge {
  /** A stored attempt within reach of the cluster. */
  record Stored(String viewId, long atMs, boolean repeated) {}

  /**
   * Stored attempts around a cluster: all their instants, sorted (for counting), and those not yet
   * flagged (the only ones a cluster can change). The array is not modified once made.
   */
  record Around(long[] instants, Collection<Stored> unflagged) {
    static Around of(List<Stored> stored) {
      long[] instants = new long[stored.size()];
      List<Stored> unflagged = new ArrayList<>();
      for (int i = 0; i < instants.length; i++) {
        instants[i] = stored.get(i).atMs();
        if (!stored.get(i).repeated()) {
          unflagged.add(stored.get(i));
        }
      }
      Arrays.sort(instants);
      return new Around(instants, unflagged);
    }
  }

  /** What the cluster changes: new attempts repeated, stored attempts now repeated. */
  record Verdict(List<Integer> newRepeated, List<Stored> nowRepeated) {}

  private RepeatJudge() {}

  /**
   * @param newAtMs the new attempts' instants (any order; the answer's indexes refer to it)
   * @param stored the stored attempts in {@code (min(newAtMs) − window, max(newAtMs) + window)}, or
   *     in a wider range: those outside count in no new attempt's window, and a new attempt enters
   *     no outside attempt's window
   */
  static Verdict judge(long[] newAtMs, Around stored, long windowMs, int maxAttempts) {
    long[] fresh = newAtMs.clone();
    Arrays.sort(fresh);
    List<Integer> newRepeated = new ArrayList<>();
    for (int i = 0; i < newAtMs.length; i++) {
      long at = newAtMs[i];
      if (inWindow(stored.instants(), at, windowMs) + inWindow(fresh, at, windowMs) > maxAttempts) {
        newRepeated.add(i);
      }
    }
    List<Stored> nowRepeated = new ArrayList<>();
    for (Stored s : stored.unflagged()) {
      int newInWindow = inWindow(fresh, s.atMs(), windowMs);
      if (newInWindow > 0
          && inWindow(stored.instants(), s.atMs(), windowMs) + newInWindow > maxAttempts) {
        nowRepeated.add(s);
      }
    }
    return new Verdict(newRepeated, nowRepeated);
  }

  /** How many of the sorted instants lie in {@code (at − window, at]}. */
  private static int inWindow(long[] sorted, long atMs, long windowMs) {
    return upperBound(sorted, atMs) - upperBound(sorted, atMs - windowMs);
  }

  /** The number of sorted instants at or before {@code atMs}. */
  private static int upperBound(long[] sorted, long atMs) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] <= atMs) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
