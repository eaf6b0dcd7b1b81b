package jp.emergencyaccess.ledger.investigation;

import java.util.ArrayList;
import java.util.Arrays;
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

  /** What the cluster changes: new attempts repeated, stored attempts now repeated. */
  record Verdict(List<Integer> newRepeated, List<Stored> nowRepeated) {}

  private RepeatJudge() {}

  /**
   * @param newAtMs the new attempts' instants (any order; the answer's indexes refer to it)
   * @param stored the stored attempts in {@code (min(newAtMs) − window, max(newAtMs) + window)}
   */
  static Verdict judge(long[] newAtMs, List<Stored> stored, long windowMs, int maxAttempts) {
    long[] all = new long[newAtMs.length + stored.size()];
    System.arraycopy(newAtMs, 0, all, 0, newAtMs.length);
    for (int i = 0; i < stored.size(); i++) {
      all[newAtMs.length + i] = stored.get(i).atMs();
    }
    Arrays.sort(all);
    long[] fresh = newAtMs.clone();
    Arrays.sort(fresh);
    List<Integer> newRepeated = new ArrayList<>();
    for (int i = 0; i < newAtMs.length; i++) {
      if (inWindow(all, newAtMs[i], windowMs) > maxAttempts) {
        newRepeated.add(i);
      }
    }
    List<Stored> nowRepeated = new ArrayList<>();
    for (Stored s : stored) {
      if (!s.repeated()
          && inWindow(fresh, s.atMs(), windowMs) > 0
          && inWindow(all, s.atMs(), windowMs) > maxAttempts) {
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
