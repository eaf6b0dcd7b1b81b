package jp.emergencyaccess.ledger.investigation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every stored attempt of one patient at one facility in the open range {@code (fromMs, toMs)}, in
 * memory ({@link PatientRecents}): read once for a cluster of attempts earlier than the patient's
 * latest, then kept up to date, so that later clusters within the range are judged without reading
 * the facility's rows again. Flagged attempts are kept as instants only, for counting: a patient
 * looked up thousands of times costs an array, not thousands of objects.
 */
final class PatientRange {
  private final long fromMs;
  private final long toMs;

  /** Every instant, sorted; replaced, never modified, when attempts are added. */
  private long[] instants;

  private final Map<String, RepeatJudge.Stored> unflagged = new LinkedHashMap<>();

  PatientRange(long fromMs, long toMs, List<RepeatJudge.Stored> stored) {
    this.fromMs = fromMs;
    this.toMs = toMs;
    RepeatJudge.Around around = RepeatJudge.Around.of(stored);
    this.instants = around.instants();
    around.unflagged().forEach(s -> unflagged.put(s.viewId(), s));
  }

  /** Whether the range holds every stored attempt in {@code (fromMs, toMs)}. */
  boolean covers(long fromMs, long toMs) {
    return fromMs >= this.fromMs && toMs <= this.toMs;
  }

  /** The stored attempts of the whole range, for a cluster whose windows it covers. */
  RepeatJudge.Around around() {
    return new RepeatJudge.Around(instants, List.copyOf(unflagged.values()));
  }

  /** Adds the batch's new attempts in the range and marks those that became repeated. */
  void add(List<RepeatJudge.Stored> attempts, Set<String> nowRepeated) {
    nowRepeated.forEach(unflagged::remove);
    List<RepeatJudge.Stored> inRange = new ArrayList<>();
    for (RepeatJudge.Stored s : attempts) {
      if (s.atMs() > fromMs && s.atMs() < toMs) {
        inRange.add(s);
        if (!s.repeated()) {
          unflagged.put(s.viewId(), s);
        }
      }
    }
    if (inRange.isEmpty()) {
      return;
    }
    long[] added = inRange.stream().mapToLong(RepeatJudge.Stored::atMs).sorted().toArray();
    long[] merged = new long[instants.length + added.length];
    for (int i = 0, a = 0, b = 0; i < merged.length; i++) {
      merged[i] =
          b == added.length || (a < instants.length && instants[a] <= added[b])
              ? instants[a++]
              : added[b++];
    }
    instants = merged;
  }

  int size() {
    return instants.length;
  }
}
