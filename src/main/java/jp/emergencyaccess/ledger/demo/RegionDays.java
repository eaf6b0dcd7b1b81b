package jp.emergencyaccess.ledger.demo;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.activation.NoticeSeries;

/** The region periods the series sets, flattened to days (the series has no gaps to model). */
record RegionDays(List<String> regions, Map<String, LocalDate[]> periods) {
  static RegionDays of(NoticeSeries series) {
    Map<String, LocalDate[]> periods = new LinkedHashMap<>();
    for (var notice : series.notices()) {
      for (var action : notice.actions()) {
        for (String region : action.regions()) {
          switch (action.action()) {
            case "activate" -> periods.put(region, new LocalDate[] {action.from(), action.until()});
            case "extend" -> periods.get(region)[1] = action.until();
            case "end" -> periods.get(region)[1] = action.lastDay();
            default -> throw new IllegalArgumentException(action.action());
          }
        }
      }
    }
    return new RegionDays(List.copyOf(periods.keySet()), periods);
  }

  boolean active(String region, LocalDate day) {
    LocalDate[] period = periods.get(region);
    return period != null && !day.isBefore(period[0]) && !day.isAfter(period[1]);
  }

  /** Ended before {@code day} (and not active again). */
  boolean ended(String region, LocalDate day) {
    LocalDate[] period = periods.get(region);
    return period != null && day.isAfter(period[1]);
  }
}
