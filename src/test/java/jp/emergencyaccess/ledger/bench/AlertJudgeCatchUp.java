package jp.emergencyaccess.ledger.bench;

import java.nio.file.Path;
import jp.emergencyaccess.ledger.workbench.AlertRaised;
import org.axonframework.config.Configuration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * (3) with and without the alert judge, in the same run on the same store: a ledger restarted on
 * the suite's data directory replays the access history once with {@code
 * ledger.alerts.raise=false}, then a second one replays it with the judge. Both are restarts, so
 * both start from the same cold caches and JIT.
 *
 * <p>The replay judges every batch again and sends the alerts already raised during the run; their
 * aggregates record nothing. The difference is therefore the cost of judging and of the commands,
 * not of appending {@code AlertRaised}, which the seeding's wait already paid.
 *
 * <p>Only on the embedded store: a restart on PostgreSQL would need the suite's database, pseudonym
 * key and signing key handed to the new ledger.
 */
final class AlertJudgeCatchUp {
  static final String WITHOUT =
      "(3) access-history catch-up after a restart, without the alert judge";
  static final String WITH = "(3) access-history catch-up after a restart, with the alert judge";

  private AlertJudgeCatchUp() {}

  static void measure(SuiteOptions options, Path dataDir, Report report) {
    if (options.postgres()) {
      report.notMeasured(WITHOUT, "restarts are measured on the embedded store only");
      return;
    }
    RunFigures figures = new RunFigures();
    double without = catchUp(options, dataDir, false, figures, WITHOUT, report);
    double with = catchUp(options, dataDir, true, figures, WITH, report);
    figures.add("(3) catch-up with the alert judge / without", "%", 100 * with / without);
    figures.addTo(report);
  }

  private static double catchUp(
      SuiteOptions options,
      Path dataDir,
      boolean judge,
      RunFigures figures,
      String name,
      Report report) {
    System.out.printf("restart %s the alert judge%n", judge ? "with" : "without");
    try (ConfigurableApplicationContext ledger = BenchLedger.restart(options, dataDir, judge)) {
      EventCounts store = new EventCounts(ledger.getBean(JdbcTemplate.class));
      long alertsBefore = store.ofType(AlertRaised.class);
      double rate =
          new StreamingProcessors(java.util.List.of(ledger.getBean(Configuration.class)), store)
              .catchUp()
              .orElseThrow(() -> new IllegalStateException("no access-history processor"));
      figures.add(name, "events/s", rate);
      if (judge) {
        report.setup(
            "alerts the judge's replay added to those already raised",
            store.ofType(AlertRaised.class) - alertsBefore);
      }
      return rate;
    }
  }
}
