package jp.emergencyaccess.ledger.investigation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ranges of patients' stored attempts read for late clusters ({@link PatientRange}), one per
 * patient (keyed by {@code List.of(facilityCode, patientRef)}), at most {@value #ATTEMPTS} attempts
 * together: beyond, they are all forgotten and read again when needed. Part of {@link
 * PatientRecents}' memory, trusted and forgotten with it.
 */
final class PatientRanges {
  static final int ATTEMPTS = 500_000;

  private final Map<List<String>, PatientRange> ranges = new HashMap<>();
  private int attempts;

  void forget() {
    ranges.clear();
    attempts = 0;
  }

  /**
   * The stored attempts of a range that holds all the patient's stored attempts in {@code (fromMs,
   * toMs)}, or null.
   */
  RepeatJudge.Around storedIn(List<String> patient, long fromMs, long toMs) {
    PatientRange range = ranges.get(patient);
    return range != null && range.covers(fromMs, toMs) ? range.around() : null;
  }

  /** Keeps what was read of the patient's stored attempts in {@code (fromMs, toMs)}. */
  void remember(List<String> patient, long fromMs, long toMs, List<RepeatJudge.Stored> stored) {
    PatientRange before = ranges.remove(patient);
    attempts -= before == null ? 0 : before.size();
    if (attempts + stored.size() > ATTEMPTS) {
      forget();
    }
    if (stored.size() <= ATTEMPTS) {
      ranges.put(patient, new PatientRange(fromMs, toMs, stored));
      attempts += stored.size();
    }
  }

  /** Adds a patient's new attempts of a batch to its range, and the batch's new flags. */
  void add(List<String> patient, List<RepeatJudge.Stored> added, Set<String> nowRepeated) {
    PatientRange range = ranges.get(patient);
    if (range == null) {
      return;
    }
    attempts -= range.size();
    range.add(added, nowRepeated);
    attempts += range.size();
    if (attempts > ATTEMPTS) {
      forget();
    }
  }
}
