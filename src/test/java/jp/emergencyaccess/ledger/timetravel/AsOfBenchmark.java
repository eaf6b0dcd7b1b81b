package jp.emergencyaccess.ledger.timetravel;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Benchmark, not a test (its name keeps it out of {@code mvn verify}): how fast activation
 * questions about any revision answer with 1,000,000 other events in the store. Run with
 *
 * <pre>mvn -B -o test -Dtest=AsOfBenchmark [-Dbenchmark.events=1000000] [-Dbenchmark.queries=300]
 * </pre>
 *
 * It prints figures; it asserts nothing about time.
 */
@OnH2
class AsOfBenchmark extends HttpTest {
  @Autowired NoticeSeriesLoader loader;
  @Autowired EventStore eventStore;

  private static final int BATCH = 10_000;

  @Test
  void asOfLatency_withAMillionEventsInTheStore() {
    int events = Integer.getInteger("benchmark.events", 1_000_000);
    int queries = Integer.getInteger("benchmark.queries", 300);
    loader.load(NoticeSeriesLoader.NOTO_2024);
    String viewId = aViewInNanao();

    long seedStart = System.nanoTime();
    Instant at = Instant.parse("2024-02-20T01:00:00Z");
    for (int done = 0; done < events; done += BATCH) {
      List<EventMessage<?>> batch = new ArrayList<>(BATCH);
      for (int i = done; i < Math.min(events, done + BATCH); i++) {
        batch.add(
            new GenericDomainEventMessage<>(
                "BenchmarkLookup",
                "lookup-" + i,
                0,
                new BenchmarkLookup("1740140015", "ref-" + (i % 5000), "MEDICATION", at)));
      }
      eventStore.publish(batch);
    }
    double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
    long stored = storedEvents();
    long activationRows = jdbc.queryForObject("select count(*) from activation_change", Long.class);
    System.out.printf(
        "%nAS-OF BENCHMARK (H2 file, embedded default)%n"
            + "events in store: %,d (seeded %,d in %.1f s), activation_change rows: %,d%n",
        stored, events, seedSeconds, activationRows);

    Random random = new Random(42);
    List<String> revisions = NotoFacts.REVISIONS;
    Supplier<String> day = () -> LocalDate.of(2024, 1, 1).plusDays(random.nextInt(75)).toString();
    Api api = monitor();

    report(
        "GET /api/activation?at=&revision= (HTTP, cached table)",
        queries,
        () ->
            api.get(
                "/api/activation?at="
                    + day.get()
                    + "&revision="
                    + revisions.get(random.nextInt(revisions.size()))));
    report(
        "GET /api/activation?at=&knownAt= (HTTP, cached table)",
        queries,
        () -> api.get("/api/activation?at=" + day.get() + "&knownAt=" + Instant.now()));
    report(
        "GET /api/activation/check?region=&at=&revision= (HTTP)",
        queries,
        () ->
            api.get(
                "/api/activation/check?region=172022&at="
                    + day.get()
                    + "&revision="
                    + revisions.get(random.nextInt(revisions.size()))));
    report(
        "GET /api/activation/check?facility=&at=&revision= (HTTP)",
        queries,
        () ->
            api.get(
                "/api/activation/check?facility="
                    + NANAO_CLINIC
                    + "&at="
                    + day.get()
                    + "&revision="
                    + revisions.get(random.nextInt(revisions.size()))));
    Api fund = fund();
    report(
        "GET /api/views/{viewId}/rejudge?revision= (HTTP)",
        queries,
        () ->
            fund.get(
                "/api/views/"
                    + viewId
                    + "/rejudge?revision="
                    + revisions.get(random.nextInt(revisions.size()))));
    report(
        "GET /api/notices/{id}/diff (HTTP)",
        queries,
        () -> api.get("/api/notices/" + revisions.get(random.nextInt(revisions.size())) + "/diff"));
    report(
        "GET /api/regions/172022/timeline (HTTP)",
        queries,
        () -> api.get("/api/regions/172022/timeline"));

    // A new activation row invalidates the in-memory copy: the next question reloads the table.
    String series = TestCodes.series();
    String notice = TestCodes.noticeId("bench");
    mhlw()
        .post(
            "/api/notices",
            Map.of(
                "noticeId",
                notice,
                "series",
                series,
                "revision",
                1,
                "issuedOn",
                "2024-05-01",
                "title",
                "benchmark"));
    long[] misses = new long[Math.min(queries, 50)];
    for (int i = 0; i < misses.length; i++) {
      mhlw()
          .post(
              "/api/regions/" + TestCodes.municipality() + "/activate",
              Map.of("from", "2024-05-01", "until", "2024-05-31", "noticeId", notice));
      long start = System.nanoTime();
      Api.Reply reply = api.get("/api/activation?at=2024-02-20&revision=" + NotoFacts.EXT_8);
      misses[i] = System.nanoTime() - start;
      if (reply.status() != 200) {
        throw new IllegalStateException(reply.toString());
      }
    }
    print("GET /api/activation?revision= right after a new row (table reloaded)", misses);
  }

  private static final String NANAO_CLINIC = "1710990019";

  /** One allowed lookup in 七尾市 on 2024-02-20, to re-judge. */
  private String aViewInNanao() {
    mhlw()
        .post(
            "/api/facilities",
            Map.of(
                "facilityCode", NANAO_CLINIC,
                "kind", "CLINIC",
                "name", "七尾テストクリニック",
                "nameKana", "ナナオテストクリニック",
                "postalCode", "926-8611",
                "address", "石川県七尾市",
                "municipalityCode", "172022",
                "phone", "0767-53-1111",
                "at", "2020-01-01T00:00:00+09:00"));
    Api clinic = api().as("nanao-rejudge");
    Api.Reply consent =
        clinic.post(
            "/api/consents",
            Map.of(
                "facilityCode", NANAO_CLINIC,
                "patientId", "benchmark-patient",
                "basis", "ORAL",
                "identification", "INSURED_NUMBER",
                "recordedBy", "nurse",
                "at", "2024-02-20T10:00:00+09:00"));
    Api.Reply view =
        clinic.post(
            "/api/views",
            Map.of(
                "requestId", "benchmark-view",
                "facilityCode", NANAO_CLINIC,
                "viewerId", "dr",
                "viewerRole", "DOCTOR",
                "patientId", "benchmark-patient",
                "categories", List.of("MEDICATION"),
                "consentId", consent.json().get("consentId").asText(),
                "at", "2024-02-20T10:15:00+09:00"));
    if (view.status() != 201) {
      throw new IllegalStateException(view.toString());
    }
    return view.json().get("viewId").asText();
  }

  private static void report(String what, int n, Supplier<Api.Reply> call) {
    for (int i = 0; i < 20; i++) {
      call.get();
    }
    long[] nanos = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      Api.Reply reply = call.get();
      nanos[i] = System.nanoTime() - start;
      if (reply.status() != 200) {
        throw new IllegalStateException(what + ": " + reply);
      }
    }
    print(what, nanos);
  }

  private static void print(String what, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%-72s n=%d p50=%.2f ms p99=%.2f ms max=%.2f ms%n",
        what,
        sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
        sorted[sorted.length - 1] / 1e6);
  }
}
