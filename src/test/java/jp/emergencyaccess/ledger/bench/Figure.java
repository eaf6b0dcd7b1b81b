package jp.emergencyaccess.ledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One figure measured over several runs: reported as the median, with min and max beside it. */
public record Figure(String name, String unit, List<Double> runs) {

  public static Figure of(String name, String unit, List<Double> runs) {
    return new Figure(name, unit, List.copyOf(runs));
  }

  public double median() {
    List<Double> sorted = sorted();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  public double min() {
    return sorted().get(0);
  }

  public double max() {
    return sorted().get(sorted().size() - 1);
  }

  private List<Double> sorted() {
    List<Double> sorted = new ArrayList<>(runs);
    Collections.sort(sorted);
    return sorted;
  }
}
