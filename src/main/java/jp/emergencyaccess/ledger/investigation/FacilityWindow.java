package jp.emergencyaccess.ledger.investigation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latest attempts of each patient at one facility, counting only its attempts at or after
 * {@link #floorMs()}, in memory ({@link PatientRecents}). A patient with no attempt since the floor
 * is absent. For a new attempt at or after a window past the floor, these are all the stored
 * attempts that matter (see {@link RecentAttempts}): older ones lie outside its window.
 */
final class FacilityWindow {
  private static final Comparator<RepeatJudge.Stored> BY_INSTANT =
      Comparator.comparingLong(RepeatJudge.Stored::atMs).thenComparing(RepeatJudge.Stored::viewId);

  private final Map<String, RecentAttempts> patients = new HashMap<>();

  /** Patients stored in {@code access_patient} beyond those with attempts since the floor. */
  private final Set<String> stored = new HashSet<>();

  private long floorMs;
  private long lastMs;

  FacilityWindow(long floorMs) {
    this.floorMs = floorMs;
    this.lastMs = floorMs;
  }

  long floorMs() {
    return floorMs;
  }

  /** The latest instant of the facility's attempts (the floor if it has none since). */
  long lastMs() {
    return lastMs;
  }

  /** The patient's latest attempts since the floor, or null if it has none. */
  RecentAttempts recent(String patientRef) {
    return patients.get(patientRef);
  }

  /**
   * Adds a patient's attempts (those before the floor are left out) and marks its kept attempts
   * that became repeated, keeping the {@code kept} latest.
   */
  void add(
      String patientRef, List<RepeatJudge.Stored> attempts, Set<String> nowRepeated, int kept) {
    RecentAttempts before = patients.get(patientRef);
    List<RepeatJudge.Stored> all = new ArrayList<>();
    if (before != null) {
      for (RepeatJudge.Stored s : before.attempts()) {
        all.add(
            nowRepeated.contains(s.viewId())
                ? new RepeatJudge.Stored(s.viewId(), s.atMs(), true)
                : s);
      }
    }
    for (RepeatJudge.Stored s : attempts) {
      if (s.atMs() >= floorMs) {
        all.add(s);
        lastMs = Math.max(lastMs, s.atMs());
      }
    }
    if (all.isEmpty()) {
      return;
    }
    all.sort(BY_INSTANT);
    patients.put(
        patientRef,
        new RecentAttempts(List.copyOf(all.subList(Math.max(0, all.size() - kept), all.size()))));
  }

  /**
   * Once the latest attempt lies two windows past the floor, moves the floor to a window before it
   * and forgets the attempts before the new floor, so memory holds about two windows of patients.
   */
  void prune(long windowMs) {
    if (patients.isEmpty() || lastMs - 2 * windowMs <= floorMs) {
      return;
    }
    floorMs = lastMs - windowMs;
    patients
        .entrySet()
        .removeIf(
            entry -> {
              RecentAttempts recent = entry.getValue();
              if (recent.lastAtMs() < floorMs) {
                return true;
              }
              if (recent.attempts().get(0).atMs() < floorMs) {
                entry.setValue(
                    new RecentAttempts(
                        recent.attempts().stream().filter(s -> s.atMs() >= floorMs).toList()));
              }
              return false;
            });
  }

  /** Whether the patient is stored in {@code access_patient}, as far as memory knows. */
  boolean isStored(String patientRef) {
    return patients.containsKey(patientRef) || stored.contains(patientRef);
  }

  /** Remembers a patient stored in {@code access_patient}; false if it was known already. */
  boolean markStored(String patientRef) {
    return stored.add(patientRef);
  }
}
