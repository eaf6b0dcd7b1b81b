package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.timetravel.NotoFacts;

/**
 * (4) Query latency: an as-of-revision activation answer, and the busy facility's first history
 * page and a filtered page (when the access-history processor is there to answer them).
 */
final class QueryLatency {
  private final Api api;
  private final StreamingProcessors processors;
  private final int queries;
  private String historyWhy = "not tried";

  QueryLatency(Api api, StreamingProcessors processors, int queries) {
    this.api = api;
    this.processors = processors;
    this.queries = queries;
  }

  /** Why the history queries were not measured, if they were not. */
  String historyWhy() {
    return historyWhy;
  }

  /** The query latencies of one run, by query. */
  Map<String, Latencies> measure(ViewSetup.Client busy) {
    Map<String, Latencies> result = new LinkedHashMap<>();
    Random random = new Random(42);
    Supplier<String> day = () -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(75)).toString();
    Api monitor = api.as("monitor");
    result.put(
        "as-of-revision activation answer",
        latencies(
            () ->
                monitor.get(
                    "/api/activation?at="
                        + day.get()
                        + "&revision="
                        + NotoFacts.REVISIONS.get(random.nextInt(NotoFacts.REVISIONS.size())))));
    if (processors.history().isEmpty()) {
      historyWhy =
          "no '" + StreamingProcessors.HISTORY_PROCESSOR + "' processor (issue 5 not merged)";
      return result;
    }
    String base = "/api/facilities/" + busy.facilityCode() + "/accesses";
    Api reader = api.as("fund");
    Api.Reply probe = reader.get(base + "?limit=100");
    if (probe.status() != 200) {
      historyWhy = "GET " + base + " answered " + probe.status();
      return result;
    }
    // 100 and 99 rows in turn: H2 answers a statement run again with the same parameters from its
    // last result while the database is unchanged, which would time that cache instead.
    int[] call = {0};
    result.put(
        "history, first page",
        latencies(() -> reader.get(base + "?limit=" + (100 - call[0]++ % 2))));
    result.put(
        "history, filtered page",
        latencies(
            () ->
                reader.get(
                    base
                        + "?decision=DENIED&from=2024-02-10&to=2024-02-12&limit="
                        + (100 - call[0]++ % 2))));
    return result;
  }

  private Latencies latencies(Supplier<Api.Reply> call) {
    for (int i = 0; i < Math.min(20, queries); i++) {
      call.get();
    }
    Latencies latencies = new Latencies(queries);
    for (int i = 0; i < queries; i++) {
      long sent = System.nanoTime();
      Api.Reply reply = call.get();
      latencies.add(System.nanoTime() - sent);
      check(reply.status() == 200, "query failed: " + reply);
    }
    return latencies;
  }
}
