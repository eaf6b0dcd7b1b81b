package jp.emergencyaccess.ledger.activation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.Period;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * For random series of activate / extend / end commands, each citing a revision (in revision order,
 * several per revision), the ledger's answer as of revision N equals the answer of a fresh ledger
 * given only the commands of revisions 1..N.
 */
class AsOfPropertyTest {
  private static final LocalDate DAY_0 = LocalDate.of(2024, 1, 1);
  private static final List<String> REGIONS = List.of("172014", "172022", "162051");
  private static final int REVISIONS = 4;

  /** One command, citing revision {@code revision}; days count from 2024-01-01. */
  record Step(int revision, int kind, int region, int day, int length) {
    Object command() {
      String code = REGIONS.get(region);
      String notice = PureLedger.noticeId(revision);
      LocalDate date = DAY_0.plusDays(day);
      var at = JapanTime.startOf(DAY_0);
      return switch (kind) {
        case 0 -> new ActivateRegion(code, new Period(date, date.plusDays(length)), notice, at);
        case 1 -> new ExtendRegionActivation(code, date, notice, at);
        default -> new EndRegionActivation(code, date, notice, at);
      };
    }
  }

  @Provide
  Arbitrary<List<Step>> histories() {
    Arbitrary<Step> step =
        Combinators.combine(
                Arbitraries.integers().between(1, REVISIONS),
                Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(3, Arbitraries.just(0)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(1)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.just(2))),
                Arbitraries.integers().between(0, REGIONS.size() - 1),
                Arbitraries.integers().between(0, 60),
                Arbitraries.integers().between(0, 20))
            .as(Step::new);
    return step.list()
        .ofMinSize(1)
        .ofMaxSize(25)
        .map(
            steps ->
                steps.stream().sorted(java.util.Comparator.comparingInt(Step::revision)).toList());
  }

  @Example
  void theFreshLedger_acceptsAndRefusesByTheRegionRules() {
    try (PureLedger ledger = new PureLedger(REVISIONS)) {
      assertThat(ledger.send(new Step(1, 0, 0, 0, 6).command())).isTrue();
      assertThat(ledger.send(new Step(1, 0, 0, 3, 6).command())).as("overlap").isFalse();
      assertThat(ledger.send(new Step(2, 1, 0, 13, 0).command())).isTrue();
      assertThat(ledger.send(new Step(3, 2, 0, 10, 0).command())).isTrue();
      assertThat(ledger.changes())
          .extracting(ActivationChange::change, ActivationChange::until, ActivationChange::revision)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(
                  ActivationChange.Change.ACTIVATED, DAY_0.plusDays(6), 1),
              org.assertj.core.groups.Tuple.tuple(
                  ActivationChange.Change.EXTENDED, DAY_0.plusDays(13), 2),
              org.assertj.core.groups.Tuple.tuple(
                  ActivationChange.Change.ENDED, DAY_0.plusDays(10), 3));
    }
  }

  @Property(tries = 150)
  @StatisticsReport(onFailureOnly = false)
  void asOfRevisionN_equalsAFreshLedgerGivenOnlyTheCommandsUpToN(
      @ForAll("histories") List<Step> history) {
    List<ActivationChange> recorded;
    List<NoticeSummaryAt> revisions = new ArrayList<>();
    try (PureLedger ledger = new PureLedger(REVISIONS)) {
      long accepted = history.stream().filter(s -> ledger.send(s.command())).count();
      recorded = ledger.changes();
      assertThat(recorded).hasSize((int) accepted);
      Statistics.label("some commands accepted").collect(accepted > 0);
      Statistics.label("some commands refused").collect(accepted < history.size());
      for (int n = 1; n <= REVISIONS; n++) {
        revisions.add(new NoticeSummaryAt(n, new AsOf(ledger.notice(n), null)));
      }
    }
    for (NoticeSummaryAt revision : revisions) {
      Map<String, List<ActivePeriod>> asOf =
          ActivationFold.fold(recorded, revision.asOf().filter());
      Map<String, List<ActivePeriod>> fresh;
      try (PureLedger ledger = new PureLedger(REVISIONS)) {
        history.stream()
            .filter(s -> s.revision() <= revision.n())
            .forEach(s -> ledger.send(s.command()));
        fresh = ActivationFold.fold(ledger.changes(), c -> true);
      }
      assertThat(periods(asOf)).as("as of revision %d", revision.n()).isEqualTo(periods(fresh));
      for (int day = 0; day <= 90; day += 3) {
        var at = JapanTime.startOf(DAY_0.plusDays(day));
        assertThat(active(asOf, at)).isEqualTo(active(fresh, at));
      }
    }
  }

  private record NoticeSummaryAt(int n, AsOf asOf) {}

  /** Periods per subject without seq-dependent details: from, until and the notice that set it. */
  private static Map<String, List<String>> periods(Map<String, List<ActivePeriod>> folded) {
    var out = new java.util.TreeMap<String, List<String>>();
    folded.forEach(
        (subject, list) -> {
          if (!list.isEmpty()) {
            out.put(
                subject,
                list.stream().map(p -> p.from() + ".." + p.until() + " " + p.noticeId()).toList());
          }
        });
    return out;
  }

  private static List<String> active(Map<String, List<ActivePeriod>> folded, java.time.Instant at) {
    return folded.values().stream()
        .flatMap(List::stream)
        .filter(p -> p.covers(at))
        .map(ActivePeriod::subject)
        .sorted()
        .toList();
  }
}
