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
 * the facility's rows again.
 */
final class PatientRange {
  private final long fromMs;
  private final long toMs;
  private final Map<String, RepeatJudge.Stored> byView = new LinkedHashMap<>();

  PatientRange(long fromMs, long toMs, List<RepeatJudge.Stored> stored) {
    this.fromMs = fromMs;
    this.toMs = toMs;
    stored.forEach(s -> byView.put(s.viewId(), s));
  }

  /** Whether the range holds every stored attempt in {@code (fromMs, toMs)}. */
  boolean covers(long fromMs, long toMs) {
    return fromMs >= this.fromMs && toMs <= this.toMs;
  }

  /** The stored attempts in {@code (fromMs, toMs)}, within this range. */
  List<RepeatJudge.Stored> within(long fromMs, long toMs) {
    List<RepeatJudge.Stored> within = new ArrayList<>();
    for (RepeatJudge.Stored s : byView.values()) {
      if (s.atMs() > fromMs && s.atMs() < toMs) {
        within.add(s);
      }
    }
    return within;
  }

  /** Adds the batch's attempts in the range and marks those that became repeated. */
  void add(List<RepeatJudge.Stored> attempts, Set<String> nowRepeated) {
    for (String viewId : nowRepeated) {
      byView.computeIfPresent(viewId, (id, s) -> new RepeatJudge.Stored(id, s.atMs(), true));
    }
    for (RepeatJudge.Stored s : attempts) {
      if (s.atMs() > fromMs && s.atMs() < toMs) {
        byView.put(s.viewId(), s);
      }
    }
  }

  int size() {
    return byView.size();
  }
}
