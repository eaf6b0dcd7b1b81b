package jp.emergencyaccess.ledger.activation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Folds recorded changes, in recording order, into the periods they leave behind. A change that
 * refers to a period the filter left out (an extension of an activation not yet known) is skipped.
 */
public final class ActivationFold {
  private ActivationFold() {}

  /** Periods per subject (kind + code), each list ordered by first day. */
  public static Map<String, List<ActivePeriod>> fold(
      List<ActivationChange> changes, Predicate<ActivationChange> include) {
    Map<String, List<ActivePeriod>> bySubject = new LinkedHashMap<>();
    changes.stream()
        .sorted(Comparator.comparingLong(ActivationChange::seq))
        .filter(include)
        .forEach(change -> apply(bySubject, change));
    bySubject.values().forEach(list -> list.sort(Comparator.comparing(ActivePeriod::from)));
    return bySubject;
  }

  public static String key(ActivationChange.Kind kind, String subject) {
    return kind + ":" + subject;
  }

  private static void apply(Map<String, List<ActivePeriod>> bySubject, ActivationChange change) {
    List<ActivePeriod> periods =
        bySubject.computeIfAbsent(key(change.kind(), change.subject()), k -> new ArrayList<>());
    if (change.change() == ActivationChange.Change.ACTIVATED) {
      periods.add(ActivePeriod.openedBy(change));
      return;
    }
    periods.replaceAll(p -> p.from().equals(change.from()) ? p.changedBy(change) : p);
  }
}
