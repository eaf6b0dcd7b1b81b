package jp.emergencyaccess.ledger.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.access.ViewRequests;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.consent.Pseudonyms;
import jp.emergencyaccess.ledger.history.HistoryBenchmark;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.DataDirs;
import jp.emergencyaccess.ledger.workbench.AlertRaised;
import org.axonframework.config.Configuration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The benchmark suite (docs/performance.md): one command that starts the ledger (embedded store, or
 * PostgreSQL with {@code --postgres}), seeds one facility with {@code --size} recorded views and
 * prints, as the median of {@code --runs} runs with min and max beside it:
 *
 * <ol>
 *   <li>view decisions per second and p50/p99 latency with 8 client threads over HTTP, for a fresh
 *       facility and for the seeded one ({@link ViewDecisions});
 *   <li>the raw rate of Axon's storage engine appending the same {@code MedicalInfoViewed} events,
 *       one per transaction from 8 threads, without command handling, and the ratio of (1) to it
 *       ({@link RawAppends}); one-row commits with Spring's plain transaction manager and with the
 *       ledger's, which confirms each commit on H2 ({@link CommitConfirmation});
 *   <li>projection catch-up of the access-history processor replaying the whole store ({@link
 *       StreamingProcessors}); at the end, after restarts, without and with the alert judge ({@link
 *       AlertJudgeCatchUp});
 *   <li>query latency: a facility's first history page, a filtered page, an as-of-revision
 *       activation answer ({@link QueryLatency});
 *   <li>command throughput with 0 and with 100 stream (SSE) subscribers attached ({@link
 *       StreamFanOut});
 *   <li>the console's pages, signed in as MHLW, the facility page with the seeded facility ({@link
 *       ConsolePageTimes}).
 * </ol>
 *
 * Figures that cannot be measured are reported as "not measured (why)". The table is printed and
 * written as JSON to {@code target/bench/results.json}. Run it with {@code bench/run.sh}.
 */
public final class BenchmarkSuite {
  private final EventCounts store;
  private final NoticeSeriesLoader notices;
  private final ViewSetup world;
  private final HistoryBenchmark history;
  private final ViewLoad load;
  private final StreamingProcessors processors;
  private final RawAppends rawAppends;
  private final CommitConfirmation commitConfirmation;
  private final QueryLatency queries;
  private final ConsolePageTimes consolePages;
  private final String heavyRef;
  private final String lightRef;
  private final StreamFanOut fanOut;
  private final SuiteOptions options;
  private Path partial;

  BenchmarkSuite(
      ConfigurableApplicationContext context, Api api, String municipality, SuiteOptions options) {
    this(List.of(context), List.of(api), municipality, options);
  }

  /**
   * Several ledger nodes on one store: the world is set up and seeded through the first; the
   * lookups over HTTP (1) are spread over every node, and the catch-up (3) is that of the
   * processor's segments wherever they are claimed.
   */
  BenchmarkSuite(
      List<ConfigurableApplicationContext> nodes,
      List<Api> apis,
      String municipality,
      SuiteOptions options) {
    ConfigurableApplicationContext context = nodes.get(0);
    Api api = apis.get(0);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    EventStorageEngine engine = context.getBean(EventStorageEngine.class);
    ClientThreads clients = new ClientThreads(options.threads());
    this.store = new EventCounts(jdbc);
    this.notices = context.getBean(NoticeSeriesLoader.class);
    this.world = new ViewSetup(api, engine, jdbc, municipality);
    this.history = new HistoryBenchmark(api, engine, jdbc);
    this.load = new ViewLoad(apis, context.getBean(ViewRequests.class));
    this.processors =
        new StreamingProcessors(
            nodes.stream().map(c -> c.getBean(Configuration.class)).toList(), store);
    this.rawAppends = new RawAppends(world, clients, options.appends());
    this.commitConfirmation =
        new CommitConfirmation(
            context.getBean(DataSource.class),
            context.getBean(PlatformTransactionManager.class),
            jdbc,
            Math.min(options.appends(), 2_000));
    Pseudonyms pseudonyms = context.getBean(Pseudonyms.class);
    this.heavyRef = pseudonyms.refOf(QueryLatency.HEAVY_PATIENT);
    this.lightRef = pseudonyms.refOf(QueryLatency.LIGHT_PATIENT);
    this.queries = new QueryLatency(api, processors, options.queries(), options.size());
    this.consolePages = new ConsolePageTimes(api, options.queries());
    this.fanOut = new StreamFanOut(api, store, clients, options.commands());
    this.options = options;
  }

  public static void main(String[] args) throws Exception {
    SuiteOptions options = SuiteOptions.parse(args);
    String[][] accounts = BenchLedger.ACCOUNTS;
    Report report;
    Path data = BenchLedger.newDataDir();
    List<ConfigurableApplicationContext> nodes = BenchLedger.startNodes(options, data);
    try {
      List<Api> apis =
          nodes.stream()
              .map(
                  c ->
                      Api.at(Integer.parseInt(c.getEnvironment().getProperty("local.server.port"))))
              .toList();
      BenchmarkSuite suite = new BenchmarkSuite(nodes, apis, "472018", options);
      suite.partial = Path.of("target", "bench", "partial.json");
      report = suite.run(accounts[0][0], accounts[0][1], accounts[1][0], accounts[1][1]);
      closeAll(nodes);
      AlertJudgeCatchUp.measure(options, data, report);
    } finally {
      closeAll(nodes);
      DataDirs.removeUnlessKept(data);
      for (int n = 2; n <= options.nodes(); n++) {
        DataDirs.removeUnlessKept(BenchLedger.nodeDir(data, n));
      }
    }
    report.print(System.out);
    Path json = Path.of("target", "bench", "results.json");
    report.write(json);
    System.out.println("written to " + json);
    System.exit(0);
  }

  private static void closeAll(List<ConfigurableApplicationContext> nodes) {
    for (int n = nodes.size() - 1; n >= 0; n--) {
      nodes.get(n).close();
    }
  }

  /** Sets the world up, seeds, and measures every figure {@code runs} times. */
  Report run(String freshAccount, String freshCode, String busyAccount, String busyCode)
      throws Exception {
    Report report = new Report();
    Machine.describe(report);
    report.setup("store", options.store());
    report.setup("sizes", options.sizes());
    world.activate();
    notices.load(NoticeSeriesLoader.NOTO_2024);
    ViewSetup.Client fresh = world.client(freshAccount, freshCode);
    ViewSetup.Client busy = world.client(busyAccount, busyCode);
    ViewDecisions views =
        new ViewDecisions(
            load, options, fresh, world.patientRef(fresh), busy, world.patientRef(busy));
    seed(report, busy);

    load.measure(
        "warm-up", fresh, Math.max(options.views() / 4, options.threads()), options.threads());
    RunFigures figures = new RunFigures();
    for (int run = 1; run <= options.runs(); run++) {
      System.out.printf("run %d of %d%n", run, options.runs());
      double freshRate = views.measure(run, figures);
      // (2) the store alone, with the same events.
      double raw = rawAppends.perSecond(fresh);
      System.out.printf(Locale.ROOT, "  raw appends %.0f events/s%n", raw);
      figures.add("(2) raw event store appends, 1 event/transaction", "events/s", raw);
      figures.add("(2) view decisions (fresh) / raw appends", "%", 100 * freshRate / raw);
      double[] commits = commitConfirmation.perSecond();
      figures.add("(2) one-row commits, Spring's JdbcTransactionManager", "commits/s", commits[0]);
      figures.add("(2) one-row commits, the ledger's (confirmed on H2)", "commits/s", commits[1]);
      figures.add("(2) confirmed / plain commits", "%", 100 * commits[1] / commits[0]);
      // (4) queries.
      for (Map.Entry<String, Latencies> q : queries.measure(busy).entrySet()) {
        figures.add("(4) " + q.getKey() + " p50", "ms", q.getValue().quantileMillis(0.50));
        figures.add("(4) " + q.getKey() + " p99", "ms", q.getValue().quantileMillis(0.99));
      }
      // (6) the console's pages.
      for (Map.Entry<String, Latencies> q : consolePages.measure(busy.facilityCode()).entrySet()) {
        figures.add("(6) " + q.getKey() + " p50", "ms", q.getValue().quantileMillis(0.50));
        figures.add("(6) " + q.getKey() + " p99", "ms", q.getValue().quantileMillis(0.99));
      }
      // (5) stream fan-out.
      for (int subscribers : new int[] {0, options.subscribers()}) {
        double perSecond = fanOut.commandsWithSubscribers(subscribers);
        System.out.printf(
            Locale.ROOT, "  %d subscribers: %.0f commands/s%n", subscribers, perSecond);
        figures.add(
            "(5) commands with " + subscribers + " stream subscribers", "commands/s", perSecond);
      }
      // (3) catch-up last: it loads the machine for as long as it replays.
      processors
          .catchUp()
          .ifPresent(rate -> figures.add("(3) access-history catch-up", "events/s", rate));
      if (partial != null) {
        // The runs so far, in case a long run is cut short.
        figures.addTo(new Report().setup("runs completed", run)).write(partial);
      }
    }
    figures.addTo(report);
    if (!figures.has("(3) access-history catch-up")) {
      report.notMeasured(
          "(3) access-history catch-up",
          "no streaming processor '"
              + StreamingProcessors.HISTORY_PROCESSOR
              + "' (issue 5 not merged)");
    }
    for (String what : QueryLatency.HISTORY_QUERIES) {
      if (!figures.has("(4) " + what + " p50")) {
        report.notMeasured("(4) " + what + " p50/p99", queries.historyWhy());
      }
    }
    report.setup("events in store at the end", store.events());
    report.setup("alerts raised (ledger.alerts.raise)", store.ofType(AlertRaised.class));
    Machine.load(report, "load average at the end");
    return report;
  }

  /** Seeds the busy facility's views and waits for the processors to handle them. */
  private void seed(Report report, ViewSetup.Client busy) {
    long started = System.nanoTime();
    history.seed(busy.facilityCode(), options.size(), heavyRef, lightRef);
    double seedSeconds = (System.nanoTime() - started) / 1e9;
    report.setup(
        "seeding",
        String.format(
            Locale.ROOT,
            "%,d view attempts (5 %% denied, 20,000 patients, February 2024; the report's patients"
                + " with %,d and 10 attempts) appended in batches of 5,000 in %.1f s (%.0f"
                + " events/s)",
            options.size(),
            (options.size() + 99) / 100,
            seedSeconds,
            options.size() / seedSeconds));
    started = System.nanoTime();
    String lagging = processors.awaitAll();
    report.setup(
        "processors caught up after seeding",
        String.format(Locale.ROOT, "%.1f s%s", (System.nanoTime() - started) / 1e9, lagging));
    report.setup("events in store", store.events());
  }

  static void check(boolean condition, String message) {
    if (!condition) {
      throw new IllegalStateException(message);
    }
  }
}
