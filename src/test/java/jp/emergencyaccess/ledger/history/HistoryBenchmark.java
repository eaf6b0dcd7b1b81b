package jp.emergencyaccess.ledger.history;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoView;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.CpuTime;
import jp.emergencyaccess.ledger.support.DataDirs;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The access-history benchmark (a command, not a test): starts the ledger on the embedded store,
 * appends {@code benchmark.attempts} view events of one facility straight to Axon's storage engine
 * in large batches (29 days of February 2024; 5% denied, 10% under the exemption, 20,000 patients),
 * lets the access-history processor catch up (printing its rate), then asks for history pages over
 * real HTTP and prints p50 / p95 / max latency of the first page, a filtered page and a flag page,
 * each with its summary. Run it with {@code bench/history-benchmark.sh} (see
 * docs/investigations.md).
 */
public final class HistoryBenchmark {
  private static final int SEED_BATCH = 5_000;
  private static final String MUNICIPALITY = "462012";

  private final Api api;
  private final EventStorageEngine engine;
  private final JdbcTemplate jdbc;

  public HistoryBenchmark(Api api, EventStorageEngine engine, JdbcTemplate jdbc) {
    this.api = api;
    this.engine = engine;
    this.jdbc = jdbc;
  }

  public static void main(String[] args) throws Exception {
    int attempts = Integer.getInteger("benchmark.attempts", 1_000_000);
    int queries = Integer.getInteger("benchmark.queries", 30);
    String dir =
        System.getProperty(
            "benchmark.dir",
            Path.of("target", "benchmark", "history-" + System.currentTimeMillis()).toString());
    List<String> settings = new ArrayList<>(Arrays.asList(args));
    settings.addAll(
        List.of(
            "--server.port=0",
            "--ledger.data-dir=" + dir,
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off"));
    try (ConfigurableApplicationContext context =
        SpringApplication.run(LedgerApplication.class, settings.toArray(String[]::new))) {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      HistoryBenchmark benchmark =
          new HistoryBenchmark(
              Api.at(port),
              context.getBean(EventStorageEngine.class),
              context.getBean(JdbcTemplate.class));
      System.out.printf("data directory %s%n", dir);
      String nine = "461909999";
      benchmark
          .run(
              nine + FacilityCode.checkDigit(nine),
              attempts,
              queries,
              Boolean.parseBoolean(System.getProperty("benchmark.rebuild", "true")))
          .forEach(System.out::println);
    } finally {
      if (System.getProperty("benchmark.dir") == null) {
        DataDirs.removeUnlessKept(Path.of(dir));
      }
    }
  }

  /** Registers the facility, seeds and catches up, then measures; returns the printed lines. */
  List<String> run(String facilityCode, int attempts, int queries, boolean rebuild)
      throws Exception {
    var registered =
        api.as("mhlw")
            .post(
                "/api/facilities",
                Map.of(
                    "facilityCode", facilityCode,
                    "kind", "CLINIC",
                    "name", "Benchmark clinic",
                    "nameKana", "ベンチマーク",
                    "postalCode", "892-8577",
                    "address", "Kagoshima 1-1",
                    "municipalityCode", MUNICIPALITY,
                    "phone", "099-224-1111",
                    "at", "2020-01-01T00:00:00+09:00"));
    if (registered.status() != 201) {
      throw new IllegalStateException("facility not registered: " + registered);
    }
    List<String> lines = new ArrayList<>();
    long started = System.nanoTime();
    seed(facilityCode, attempts);
    double seeded = (System.nanoTime() - started) / 1e9;
    lines.add(
        String.format(
            Locale.ROOT,
            "seeded %d view events in %.1f s (%.0f events/s)",
            attempts,
            seeded,
            attempts / seeded));

    long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    started = System.nanoTime();
    awaitHistory(head);
    double caughtUp = (System.nanoTime() - started) / 1e9;
    lines.add(
        String.format(
            Locale.ROOT,
            "access-history caught up %.1f s after the seeding (%.0f events/s from its start)",
            caughtUp,
            attempts / (seeded + caughtUp)));
    String base = "/api/facilities/" + facilityCode + "/accesses";
    lines.add(measure("first page (100 rows + summary)", base + "?limit=100", queries));
    lines.add(
        measure(
            "filtered page (DENIED, 3 days)",
            base + "?decision=DENIED&from=2024-02-10&to=2024-02-12&limit=100",
            queries));
    lines.add(
        measure(
            "flag page (REPEATED_PATIENT)", base + "?flag=REPEATED_PATIENT&limit=100", queries));
    lines.add(measure("flag page (HIGH_VOLUME)", base + "?flag=HIGH_VOLUME&limit=100", queries));
    if (rebuild) {
      // Last, so that the queries above meet the history as written live: the rebuild of
      // docs/investigations.md, reset (empties the history) and replay of the whole store.
      long events = jdbc.queryForObject("select count(*) from domainevententry", Long.class);
      long processCpu = CpuTime.processNanos();
      started = System.nanoTime();
      var reset = api.as("mhlw").post("/api/admin/processors/access-history/reset", "");
      if (reset.status() != 202) {
        throw new IllegalStateException("reset refused: " + reset);
      }
      double resetSeconds = (System.nanoTime() - started) / 1e9;
      awaitHistory(head);
      double rebuilt = (System.nanoTime() - started) / 1e9;
      lines.add(
          String.format(
              Locale.ROOT,
              "rebuild: reset answered in %.2f s, %d events replayed in %.1f s (%.0f events/s,"
                  + " %.1f µs CPU/event on the processor's thread, %.1f µs in the whole process)",
              resetSeconds,
              events,
              rebuilt,
              events / rebuilt,
              processorCpuNanos() / 1e3 / events,
              (CpuTime.processNanos() - processCpu) / 1e3 / events));
    }

    return lines;
  }

  /**
   * Appends the view events of one facility in batches straight to the storage engine (also the
   * seeding of the benchmark suite, jp.emergencyaccess.ledger.bench).
   */
  public void seed(String facilityCode, int count) {
    seed(facilityCode, count, null, null);
  }

  /**
   * Seeds as {@link #seed(String, int)}; with refs given, every 100th attempt is of {@code
   * heavyRef} and ten attempts spread over the span are of {@code lightRef} (the random draws stay
   * those of the plain seeding, so the other patients keep their share).
   */
  public void seed(String facilityCode, int count, String heavyRef, String lightRef) {
    Random random = new Random(20240101);
    Instant start = Instant.parse("2024-01-31T15:00:00Z"); // 2024-02-01 00:00 in Japan
    long spanMs = 29L * 24 * 3600 * 1000;
    for (int done = 0; done < count; done += SEED_BATCH) {
      List<GenericDomainEventMessage<?>> batch = new ArrayList<>(SEED_BATCH);
      for (int i = done; i < Math.min(count, done + SEED_BATCH); i++) {
        String viewId = UUID.randomUUID().toString();
        // Attempts in time order, a few days far busier than the rest.
        long offset = (long) ((double) i / count * spanMs);
        Instant at = start.plusMillis(offset);
        String patientRef = String.format("%032x", random.nextInt(20_000));
        if (heavyRef != null && i % 100 == 0) {
          patientRef = heavyRef;
        } else if (lightRef != null && count >= 20 && i % (count / 10) == 1) {
          patientRef = lightRef;
        }
        boolean exemption = random.nextInt(10) == 0;
        ConsentBasis basis = exemption ? ConsentBasis.EMERGENCY_EXEMPTION : ConsentBasis.ORAL;
        String viewer = "viewer-" + random.nextInt(40);
        List<InfoCategory> categories =
            random.nextBoolean()
                ? List.of(InfoCategory.MEDICATION)
                : List.of(InfoCategory.MEDICATION, InfoCategory.CLINICAL);
        Object event =
            random.nextInt(20) == 0
                ? new MedicalInfoViewDenied(
                    viewId,
                    "seed-" + i,
                    facilityCode,
                    viewer,
                    ViewerRole.DOCTOR,
                    patientRef,
                    categories,
                    null,
                    null,
                    null,
                    CoveredBy.region(MUNICIPALITY, "seed"),
                    List.of(DenialReason.CONSENT_MISSING),
                    at)
                : new MedicalInfoViewed(
                    viewId,
                    "seed-" + i,
                    facilityCode,
                    viewer,
                    ViewerRole.DOCTOR,
                    patientRef,
                    categories,
                    "consent-" + patientRef.substring(24),
                    basis,
                    Identification.INSURED_NUMBER,
                    CoveredBy.region(MUNICIPALITY, "seed"),
                    at);
        batch.add(
            new GenericDomainEventMessage<>(
                MedicalInfoView.class.getSimpleName(), viewId, 0, event));
      }
      engine.appendEvents(batch);
      if ((done + SEED_BATCH) % 100_000 == 0) {
        System.out.printf("  seeded %d%n", done + SEED_BATCH);
      }
    }
  }

  /**
   * CPU time of the access-history processor's live threads (started again by the reset, so it is
   * the replay's): a figure that a busy machine slows down less than the wall-clock rate.
   */
  private static long processorCpuNanos() {
    return CpuTime.byThreadGroup()
        .getOrDefault("EventProcessor[" + AccessHistory.GROUP + "]-N", 0L);
  }

  private void awaitHistory(long head) throws InterruptedException {
    while (true) {
      var status = api.as("mhlw").get("/api/admin/processors/access-history").json();
      if (status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head) {
        return;
      }
      Thread.sleep(100);
    }
  }

  /**
   * Times the query {@code queries} times. Consecutive calls ask for 100 and 99 rows in turn: H2
   * keeps the result of a statement's last execution and answers the same statement with the same
   * parameters from it while the database is unchanged, which would time that cache instead.
   */
  private String measure(String label, String path, int queries) {
    for (int i = 0; i < 3; i++) {
      api.as("fund").get(path);
    }
    long[] latencies = new long[queries];
    int rows = 0;
    long total = 0;
    for (int i = 0; i < queries; i++) {
      long sent = System.nanoTime();
      var reply = api.as("fund").get(path.replace("limit=100", "limit=" + (100 - i % 2)));
      latencies[i] = System.nanoTime() - sent;
      if (reply.status() != 200) {
        throw new IllegalStateException(label + ": " + reply);
      }
      rows = Math.max(rows, reply.json().get("items").size());
      total = reply.json().at("/summary/attempts").asLong();
    }
    Arrays.sort(latencies);
    return String.format(
        Locale.ROOT,
        "%-36s %4d rows of %8d selected  p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms",
        label,
        rows,
        total,
        latencies[queries / 2] / 1e6,
        latencies[Math.min(queries - 1, (int) (queries * 0.95))] / 1e6,
        latencies[queries - 1] / 1e6);
  }
}
