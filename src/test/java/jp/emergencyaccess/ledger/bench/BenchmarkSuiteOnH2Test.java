package jp.emergencyaccess.ledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole benchmark suite at a small size so it cannot rot; the figures are printed, never
 * asserted (the suite is a command: bench/run.sh).
 */
@OnH2
class BenchmarkSuiteOnH2Test extends HttpTest {
  @Autowired private ConfigurableApplicationContext context;

  @Test
  void everyFigureIsProduced_andEverySeededMeasuredAndAppendedViewIsStored() throws Exception {
    String fresh = TestCodes.facilityAccount();
    String busy = TestCodes.facilityAccount();
    SuiteOptions options = SuiteOptions.small();
    var suite = new BenchmarkSuite(context, api(), TestCodes.okinawaMunicipality(), options);
    long before = storedViews();

    Report report =
        suite.run(fresh, TestCodes.facilityCodeOf(fresh), busy, TestCodes.facilityCodeOf(busy));
    report.print(System.out);

    assertThat(report.figures())
        .allSatisfy(
            f -> {
              assertThat(f.runs()).hasSize(options.runs());
              assertThat(f.median()).as(f.name()).isPositive();
            });
    assertThat(report.figures())
        .extracting(Figure::name)
        .contains(
            "(1) view decisions, fresh facility",
            "(1) view latency p99, fresh facility",
            "(1) view decisions, facility with 2,000 views",
            "(1) view latency p99, facility with 2,000 views",
            "(1) in-process view decisions, fresh facility",
            "(1) in-process view decisions, facility with 2,000 views",
            "(2) raw event store appends, 1 event/transaction",
            "(2) view decisions (fresh) / raw appends",
            "(2) confirmed / plain commits",
            "(4) as-of-revision activation answer p99",
            "(5) commands with 0 stream subscribers",
            "(5) commands with 10 stream subscribers");
    assertThat(report.figures())
        .extracting(Figure::name)
        .contains(
            "(3) access-history catch-up",
            "(4) history, first page p99",
            "(4) history, filtered page p99",
            "(6) console 活性化の状況 p99",
            "(6) console 施設の照会履歴 (busy facility) p99",
            "(6) console 監視 p99");
    assertThat(report.notMeasured()).isEmpty();
    int warmUp = Math.max(options.views() / 4, options.threads());
    assertThat(storedViews() - before)
        .isEqualTo(
            options.size() + warmUp + options.runs() * (4L * options.views() + options.appends()));
  }

  private long storedViews() {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype in (?, ?)",
        Long.class,
        "jp.emergencyaccess.ledger.access.MedicalInfoViewed",
        "jp.emergencyaccess.ledger.access.MedicalInfoViewDenied");
  }
}
