package jp.emergencyaccess.ledger.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/** How many lookups each day of the demo holds, after the trade-press figures. */
final class DemoVolume {
  private DemoVolume() {}

  /**
   * Lookups per day, 2024-01-01 … 2024-03-31, summing to {@code total}: 1,550/32,000 by 01-04,
   * 22,000/32,000 in January, 29,500 by end of February, 31,300 by 03-07, the rest after.
   */
  static Map<LocalDate, Integer> dailyQuota(int total) {
    Map<LocalDate, Double> weight = new LinkedHashMap<>();
    double[] firstDays = {200, 380, 450, 520};
    for (int i = 0; i < 4; i++) {
      weight.put(DemoPlan.FIRST_DAY.plusDays(i), firstDays[i]);
    }
    spread(weight, LocalDate.of(2024, 1, 5), LocalDate.of(2024, 1, 31), 20_450, 1.0, 0.5);
    spread(weight, LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29), 7_500, 1.0, 0.5);
    spread(weight, LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 7), 1_800, 1.0, 0.8);
    spread(weight, LocalDate.of(2024, 3, 8), DemoPlan.LAST_DAY, 700, 1.0, 0.6);
    double sum = weight.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<LocalDate, Integer> quota = new LinkedHashMap<>();
    double cumulative = 0;
    long before = 0;
    for (var day : weight.entrySet()) {
      cumulative += day.getValue();
      long upTo = Math.round(total * cumulative / sum);
      quota.put(day.getKey(), (int) (upTo - before));
      before = upTo;
    }
    return quota;
  }

  /** Spreads {@code amount} over the days, falling linearly from {@code start} to {@code end}. */
  private static void spread(
      Map<LocalDate, Double> weight,
      LocalDate from,
      LocalDate until,
      double amount,
      double start,
      double end) {
    int n = (int) ChronoUnit.DAYS.between(from, until) + 1;
    double[] w = new double[n];
    double sum = 0;
    for (int i = 0; i < n; i++) {
      w[i] = start + (end - start) * i / Math.max(1, n - 1);
      sum += w[i];
    }
    for (int i = 0; i < n; i++) {
      weight.put(from.plusDays(i), amount * w[i] / sum);
    }
  }
}
