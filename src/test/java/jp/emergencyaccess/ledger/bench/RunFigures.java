package jp.emergencyaccess.ledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every figure's value in each run so far, with its unit, in the order first measured. */
final class RunFigures {
  private final Map<String, List<Double>> runs = new LinkedHashMap<>();
  private final Map<String, String> units = new LinkedHashMap<>();

  void add(String name, String unit, double value) {
    runs.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    units.put(name, unit);
  }

  boolean has(String name) {
    return runs.containsKey(name);
  }

  /** Adds each figure (median, min and max of its runs) to the report; returns the report. */
  Report addTo(Report report) {
    runs.forEach((name, values) -> report.add(Figure.of(name, units.get(name), values)));
    return report;
  }
}
