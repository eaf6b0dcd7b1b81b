package jp.emergencyaccess.ledger.access;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.support.Api;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The view-decision benchmark (a command, not a test): starts the ledger on the embedded store,
 * sets up two facilities in one activated municipality with a consent each, seeds one of them with
 * recorded views appended straight to Axon's event storage engine in large batches, then sends
 * lookups over real HTTP from client threads and prints decisions per second and p50/p99 latency
 * for the fresh facility and the busy one. Run it with (see docs/access.md):
 *
 * <pre>mvn -B -o test-compile exec:java -Dbenchmark.seed=1000000</pre>
 *
 * Options (system properties): benchmark.seed (views already recorded for the busy facility,
 * default 1,000,000), benchmark.views (measured lookups per facility, default 20,000),
 * benchmark.threads (client threads, default 8), benchmark.rounds (alternating measured rounds of
 * both facilities, default 2), benchmark.dir (data directory, default a fresh one under
 * target/benchmark).
 */
public final class ViewBenchmark {
  static final String FRESH = "bench-fresh";
  static final String BUSY = "bench-busy";
  static final String FRESH_CODE = "4719099998";
  static final String BUSY_CODE = "4719099980";
  static final String AT = "2024-02-20T10:00:00+09:00";
  private static final int SEED_BATCH = 5_000;

  private final Api api;
  private final EventStorageEngine engine;
  private final JdbcTemplate jdbc;
  private final ViewLoad load;

  ViewBenchmark(Api api, EventStorageEngine engine, JdbcTemplate jdbc) {
    this.api = api;
    this.engine = engine;
    this.jdbc = jdbc;
    this.load = new ViewLoad(api);
  }

  /** A facility account with its consent, ready to send lookups. */
  record Client(String account, String facilityCode, String consentId, String patientId) {}

  public static void main(String[] args) throws Exception {
    int seed = Integer.getInteger("benchmark.seed", 1_000_000);
    int views = Integer.getInteger("benchmark.views", 20_000);
    int threads = Integer.getInteger("benchmark.threads", 8);
    int rounds = Integer.getInteger("benchmark.rounds", 2);
    String dir =
        System.getProperty(
            "benchmark.dir",
            Path.of("target", "benchmark", "run-" + System.currentTimeMillis()).toString());
    List<String> settings = new ArrayList<>(Arrays.asList(args));
    settings.addAll(
        List.of(
            "--server.port=0",
            "--ledger.data-dir=" + dir,
            "--logging.level.root=WARN",
            "--spring.main.banner-mode=off"));
    for (String[] account : new String[][] {{FRESH, FRESH_CODE}, {BUSY, BUSY_CODE}}) {
      String prefix = "--ledger.accounts." + account[0];
      settings.add(prefix + ".password={noop}" + account[0]);
      settings.add(prefix + ".role=FACILITY");
      settings.add(prefix + ".facility-code=" + account[1]);
    }
    try (ConfigurableApplicationContext context =
        SpringApplication.run(LedgerApplication.class, settings.toArray(String[]::new))) {
      int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
      var benchmark =
          new ViewBenchmark(
              Api.at(port),
              context.getBean(EventStorageEngine.class),
              context.getBean(JdbcTemplate.class));
      System.out.printf("data directory %s, %d client threads%n", dir, threads);
      benchmark
          .run("472018", FRESH, FRESH_CODE, BUSY, BUSY_CODE, seed, views, threads, rounds)
          .forEach(System.out::println);
    }
  }

  /**
   * Sets both facilities up, seeds {@code seed} views for the busy one, warms up, and measures
   * {@code views} lookups for each. Returns the figures, fresh first.
   */
  List<ViewLoad.Figures> run(
      String municipality,
      String freshAccount,
      String freshCode,
      String busyAccount,
      String busyCode,
      int seed,
      int views,
      int threads,
      int rounds)
      throws Exception {
    String notice = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    notice,
                    "series",
                    notice,
                    "revision",
                    1,
                    "issuedOn",
                    "2024-02-01",
                    "title",
                    "benchmark")));
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/regions/" + municipality + "/activate",
                Map.of("from", "2024-02-01", "until", "2024-02-29", "noticeId", notice)));
    Client fresh = client(freshAccount, freshCode, municipality);
    Client busy = client(busyAccount, busyCode, municipality);

    long started = System.nanoTime();
    seed(busy, municipality, seed);
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "seeded %d recorded views for facility %s in %.1f s (%.0f events/s)%n",
        seed,
        busyCode,
        seconds,
        seed / seconds);

    load.measure("warm-up (fresh facility)", fresh, Math.max(views / 4, threads), threads);
    List<ViewLoad.Figures> figures = new ArrayList<>();
    // Alternating rounds, so neither facility gets all the benefit of a warmer JIT.
    for (int round = 1; round <= rounds; round++) {
      figures.add(load.measure("round " + round + ": fresh facility", fresh, views, threads));
      figures.add(
          load.measure(
              "round " + round + ": facility with " + seed + " views", busy, views, threads));
    }
    return figures;
  }

  private Client client(String account, String code, String municipality) {
    expect(
        201,
        api.as("mhlw")
            .post(
                "/api/facilities",
                Map.of(
                    "facilityCode", code,
                    "kind", "CLINIC",
                    "name", "Benchmark clinic " + account,
                    "nameKana", "ベンチマーク",
                    "postalCode", "900-8570",
                    "address", "Naha 1-1",
                    "municipalityCode", municipality,
                    "phone", "098-866-2333")));
    String patientId = "BENCH-" + account;
    var consent =
        expect(
            201,
            api.as(account)
                .post(
                    "/api/consents",
                    Map.of(
                        "facilityCode", code,
                        "patientId", patientId,
                        "basis", "ORAL",
                        "identification", "INSURED_NUMBER",
                        "recordedBy", "benchmark",
                        "at", "2024-02-01T09:00:00+09:00")));
    return new Client(account, code, consent.json().get("consentId").asText(), patientId);
  }

  /** Appends {@code count} allowed views of the facility straight to the storage engine. */
  void seed(Client client, String municipality, int count) {
    String patientRef =
        jdbc.queryForObject(
            "select patient_ref from consent where consent_id = ?",
            String.class,
            client.consentId());
    Instant at = Instant.parse("2024-02-10T01:00:00Z");
    for (int done = 0; done < count; done += SEED_BATCH) {
      List<GenericDomainEventMessage<MedicalInfoViewed>> batch = new ArrayList<>(SEED_BATCH);
      for (int i = done; i < Math.min(count, done + SEED_BATCH); i++) {
        String viewId = UUID.randomUUID().toString();
        batch.add(
            new GenericDomainEventMessage<>(
                MedicalInfoView.class.getSimpleName(),
                viewId,
                0,
                new MedicalInfoViewed(
                    viewId,
                    "seed-" + i,
                    client.facilityCode(),
                    "seed-viewer",
                    ViewerRole.DOCTOR,
                    patientRef,
                    List.of(InfoCategory.MEDICATION),
                    client.consentId(),
                    ConsentBasis.ORAL,
                    Identification.INSURED_NUMBER,
                    CoveredBy.region(municipality, "seed"),
                    at.plusMillis(i))));
      }
      engine.appendEvents(batch);
      if ((done + SEED_BATCH) % 100_000 == 0) {
        System.out.printf("  seeded %d%n", done + SEED_BATCH);
      }
    }
  }

  private static Api.Reply expect(int status, Api.Reply reply) {
    if (reply.status() != status) {
      throw new IllegalStateException("expected " + status + ": " + reply);
    }
    return reply;
  }
}
