package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the benchmark's code at a small size so it cannot rot; the figures are printed, never
 * asserted (benchmarks are commands, see {@link ViewBenchmark}).
 */
@OnH2
class ViewBenchmarkOnH2Test extends HttpTest {
  @Autowired private EventStorageEngine engine;

  @Test
  void theBenchmarkRuns_andEverySeededAndMeasuredViewIsStored() throws Exception {
    String fresh = TestCodes.facilityAccount();
    String busy = TestCodes.facilityAccount();
    var world = new AccessWorld(api(), jdbc);
    List<ViewLoad.Figures> figures =
        new ViewBenchmark(api(), engine, jdbc)
            .run(
                TestCodes.okinawaMunicipality(),
                fresh,
                TestCodes.facilityCodeOf(fresh),
                busy,
                TestCodes.facilityCodeOf(busy),
                2_000,
                100,
                8,
                1);
    figures.forEach(System.out::println);
    assertThat(figures).hasSize(2).allMatch(f -> f.errors() == 0 && f.views() == 100);
    assertThat(world.storedViewsOf(TestCodes.facilityCodeOf(busy))).isEqualTo(2_100);
    assertThat(world.storedViewsOf(TestCodes.facilityCodeOf(fresh))).isEqualTo(125);
  }
}
