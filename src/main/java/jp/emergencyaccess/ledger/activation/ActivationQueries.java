package jp.emergencyaccess.ledger.activation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import jp.emergencyaccess.ledger.common.RegionCode;
import org.springframework.stereotype.Service;

/**
 * Answers "who is switched on at this instant" from the compact activation history, read from its
 * table in the caller's transaction.
 */
@Service
public class ActivationQueries {
  private final ActivationLog log;

  public ActivationQueries(ActivationLog log) {
    this.log = log;
  }

  /** Every period of every subject, after the changes that {@code include} lets through. */
  public Map<String, List<ActivePeriod>> periods(Predicate<ActivationChange> include) {
    return ActivationFold.fold(log.all(), include);
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
    return periodsIn(log.of(kind, subject), kind, subject, include);
  }

  private static List<ActivePeriod> periodsIn(
      List<ActivationChange> changes,
      ActivationChange.Kind kind,
      String subject,
      Predicate<ActivationChange> include) {
    return ActivationFold.fold(changes, include)
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

  /**
   * The periods that cover {@code at} for a facility in {@code municipality}: the municipality's,
   * its prefecture's and the facility's own individual periods, read in one statement.
   */
  public List<ActivePeriod> facilityCoverage(
      RegionCode municipality,
      String facilityCode,
      Instant at,
      Predicate<ActivationChange> include) {
    RegionCode prefecture = municipality.prefecture();
    ActivationSnapshot changes =
        log.coverageOf(municipality.value(), prefecture.value(), facilityCode);
    var regions =
        municipality.isPrefecture() ? List.of(municipality) : List.of(municipality, prefecture);
    var covering = new java.util.ArrayList<ActivePeriod>();
    for (RegionCode region : regions) {
      var kind = ActivationChange.Kind.REGION;
      covering.addAll(periodsIn(changes.of(kind, region.value()), kind, region.value(), include));
    }
    var facility = ActivationChange.Kind.FACILITY;
    covering.addAll(periodsIn(changes.of(facility, facilityCode), facility, facilityCode, include));
    return covering.stream().filter(p -> p.covers(at)).toList();
  }
}
