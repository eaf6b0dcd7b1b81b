package jp.emergencyaccess.ledger.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Runs the history benchmark's code at a small size so it cannot rot; the figures are printed,
 * never asserted (benchmarks are commands, see {@link HistoryBenchmark}).
 */
@OnH2
class HistoryBenchmarkOnH2Test extends HttpTest {
  @Autowired private EventStorageEngine engine;

  @Test
  void theBenchmarkRuns_andEverySeededAttemptReachesTheHistory() throws Exception {
    List<String> lines =
        new HistoryBenchmark(api(), engine, jdbc).run("4619099981", 2_000, 2, true);
    lines.forEach(System.out::println);
    assertThat(lines).hasSize(7);
    assertThat(lines.get(6)).startsWith("rebuild: reset answered");
    assertThat(lines.get(2)).contains("100 rows of     2000 selected");
  }
}
