package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.springframework.stereotype.Service;

/** Answers "who is switched on at this instant" from the compact activation history. */
@Service
public class ActivationQueries {
  private final ActivationLog log;

  public ActivationQueries(ActivationLog log) {
    this.log = log;
  }

  /** Every period of every subject, after the changes that {@code include} lets through. */
  public Map<String, List<ActivePeriod>> periods(Predicate<ActivationChange> include) {
    return ActivationFold.fold(log.snapshot().all(), include);
  }

  /** All periods that cover {@code at}, regions and facilities, ordered by kind and code. */
  public List<ActivePeriod> activeAt(Instant at, Predicate<ActivationChange> include) {
    return periods(include).values().stream()
        .flatMap(List::stream)
        .filter(p -> p.covers(at))
        .sorted(
            java.util.Comparator.comparing(ActivePeriod::kind).thenComparing(ActivePeriod::subject))
        .toList();
  }

  /**
   * Every facility with an individual period, ordered by facility code, each with its periods in
   * order of first day.
   */
  public java.util.SortedMap<String, List<ActivePeriod>> individualPeriods() {
    var byCode = new java.util.TreeMap<String, List<ActivePeriod>>();
    periods(c -> c.kind() == ActivationChange.Kind.FACILITY)
        .values()
        .forEach(
            list ->
                list.forEach(
                    p ->
                        byCode
                            .computeIfAbsent(p.subject(), k -> new java.util.ArrayList<>())
                            .add(p)));
    return byCode;
  }

  /** The recorded periods of one region, ordered by first day. */
  public List<ActivePeriod> periodsOf(RegionCode region) {
    return periodsOf(ActivationChange.Kind.REGION, region.value(), c -> true);
  }

  public List<ActivePeriod> periodsOf(
      ActivationChange.Kind kind, String subject, Predicate<ActivationChange> include) {
    return ActivationFold.fold(log.snapshot().of(kind, subject), include)
        .getOrDefault(ActivationFold.key(kind, subject), List.of());
  }

  /**
   * The region periods that make {@code region} active at {@code at}: its own, and its prefecture's
   * when it is a municipality.
   */
  public List<ActivePeriod> regionCoverage(
      RegionCode region, Instant at, Predicate<ActivationChange> include) {
    var own = periodsOf(ActivationChange.Kind.REGION, region.value(), include).stream();
    var prefecture =
        region.isPrefecture()
            ? java.util.stream.Stream.<ActivePeriod>empty()
            : periodsOf(ActivationChange.Kind.REGION, region.prefecture().value(), include)
                .stream();
    return java.util.stream.Stream.concat(own, prefecture).filter(p -> p.covers(at)).toList();
  }
}
