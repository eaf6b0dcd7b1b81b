package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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
  /** The patients the seeding gives every 100th attempt and ten attempts (their refs, keyed). */
  static final String HEAVY_PATIENT = "BENCH-PATIENT-HEAVY";

  static final String LIGHT_PATIENT = "BENCH-PATIENT-LIGHT";

  /** The queries that need the access-history processor. */
  static final List<String> HISTORY_QUERIES =
      List.of(
          "history, first page",
          "history, filtered page",
          "patient report, 10 lookups",
          "patient report, size/100 lookups",
          "alert queue, first page",
          "patient drill-down, size/100 lookups");

  private final Api api;
  private final StreamingProcessors processors;
  private final int queries;
  private final int seeded;
  private String historyWhy = "not tried";

  QueryLatency(Api api, StreamingProcessors processors, int queries, int seeded) {
    this.seeded = seeded;
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
    // A patient's report (first page and the counts per facility above it): the portal's request,
    // recorded as every report request is.
    Api portal = api.as("portal");
    checkReportTotal(portal, LIGHT_PATIENT, seeded >= 20 ? 10 : 0);
    checkReportTotal(portal, HEAVY_PATIENT, (seeded + 99) / 100);
    for (String[] patient :
        new String[][] {
          {"patient report, 10 lookups", LIGHT_PATIENT},
          {"patient report, size/100 lookups", HEAVY_PATIENT}
        }) {
      result.put(
          patient[0],
          latencies(
              () ->
                  portal.post(
                      "/api/patient-access-report",
                      Map.of(
                          "patientId",
                          patient[1],
                          "from",
                          "2024-01-01",
                          "to",
                          "2024-12-31",
                          "limit",
                          100 - call[0]++ % 2))));
    }
    // The workbench: the risk-ordered queue of every alert the seeding raised, and one patient's
    // lookups across facilities; both reads are recorded in the auditors' log.
    result.put(
        "alert queue, first page",
        latencies(() -> reader.get("/api/alerts?limit=" + (100 - call[0]++ % 2))));
    result.put(
        "patient drill-down, size/100 lookups",
        latencies(
            () ->
                reader.post(
                    "/api/drilldown/patient",
                    Map.of("patientId", HEAVY_PATIENT, "limit", 500 - call[0]++ % 2))));
    return result;
  }

  /** The seeded patient's report counts every attempt the seeding gave it. */
  private static void checkReportTotal(Api portal, String patientId, long expected) {
    Api.Reply reply =
        portal.post(
            "/api/patient-access-report",
            Map.of("patientId", patientId, "from", "2024-01-01", "to", "2024-12-31"));
    check(reply.status() == 200, "report failed: " + reply);
    long total = reply.json().get("total").asLong();
    check(total == expected, patientId + "'s report counts " + total + ", seeded " + expected);
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
