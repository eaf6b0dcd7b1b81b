package jp.emergencyaccess.ledger.history;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The days (in Japan) of one facility whose attempts exceed {@code factor} × the median of its
 * daily counts, or the fixed ceiling. The median is over the days with at least one attempt; with
 * an even number of such days it is the mean of the two middle counts.
 */
public record HighVolumeDays(double median, Set<LocalDate> days) {
  /** No day: for reads that do not judge HIGH_VOLUME. */
  static final HighVolumeDays NONE = new HighVolumeDays(0, Set.of());

  public static HighVolumeDays of(
      Map<LocalDate, Long> attemptsPerDay, FlagThresholds.HighVolume t) {
    List<Long> counts = attemptsPerDay.values().stream().filter(c -> c > 0).sorted().toList();
    if (counts.isEmpty()) {
      return new HighVolumeDays(0, Set.of());
    }
    int n = counts.size();
    double median =
        n % 2 == 1 ? counts.get(n / 2) : (counts.get(n / 2 - 1) + counts.get(n / 2)) / 2.0;
    Set<LocalDate> days = new TreeSet<>();
    attemptsPerDay.forEach(
        (day, count) -> {
          if (count > t.medianFactor() * median || count > t.dailyCeiling()) {
            days.add(day);
          }
        });
    return new HighVolumeDays(median, days);
  }

  public boolean contains(LocalDate day) {
    return days.contains(day);
  }
}
