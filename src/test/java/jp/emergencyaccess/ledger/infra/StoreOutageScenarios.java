package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.integrity.ChainEntry;
import jp.emergencyaccess.ledger.integrity.ChainTable;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The store goes away under load and comes back: while it cannot take a write every answer is 503
 * problem+json with Retry-After (or a success that is in the store), health is DOWN, and the ledger
 * recovers by itself; afterwards every command that was answered as done is in the store. Run on
 * PostgreSQL (the server stopped and started) and on H2 (its disk refusing writes).
 */
abstract class StoreOutageScenarios extends HttpTest {
  /** How long the store stays away. */
  static final Duration OUTAGE = Duration.ofSeconds(8);

  /** The promise: commands succeed again this soon after the store is back. */
  static final Duration COMMANDS_BACK_WITHIN = Duration.ofSeconds(15);

  /**
   * The promise for the tracking processors and the chainer: caught up with the store this soon
   * after it is back (the chainer may first wait out the gap timeout for positions that failed
   * transactions used up).
   */
  static final Duration CAUGHT_UP_WITHIN = Duration.ofSeconds(45);

  private static final int CLIENTS = Integer.getInteger("outage.clients", 4);
  private static final String AT = "2024-02-20T10:00:00+09:00";

  @Autowired private StreamingProcessors processors;
  @Autowired private ChainTable chain;

  /** Makes the store unable to take a write; returns when it is so. */
  protected abstract void storeGoesAway();

  /** Makes the store whole again; returns when it is so. */
  protected abstract void storeComesBack();

  /** One answer of the load. */
  record Answer(
      String kind,
      String key,
      long startedNanos,
      long endedNanos,
      int status,
      String contentType,
      String retryAfter,
      String body) {
    boolean done() {
      return status == 201 || status == 200 || (kind.equals("view") && status == 403);
    }

    boolean refusedAsUnavailable() {
      return status == 503
          && contentType.startsWith("application/problem+json")
          && !retryAfter.isEmpty();
    }

    JsonNode json() {
      try {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
      } catch (java.io.IOException e) {
        throw new AssertionError("not JSON: " + this, e);
      }
    }

    @Override
    public String toString() {
      return kind + " " + key + " -> " + status + " " + contentType + " " + body;
    }
  }

  record Health(long startedNanos, long atNanos, int status, String body) {}

  @Test
  void whileTheStoreIsAway_everyAnswerIs503OrTrue_andTheLedgerRecoversByItself() throws Exception {
    // A facility in an active region with a consent: lookups are allowed and recorded.
    String account = TestCodes.facilityAccount();
    String facility = TestCodes.facilityCodeOf(account);
    String region = TestCodes.okinawaMunicipality();
    Api mhlw = mhlw();
    Api clinic = api().as(account);
    Ministry ministry = new Ministry(api());
    ministry.registers(facility, "CLINIC", "Outage clinic", region);
    String notice = ministry.issuesNotice("outage", "2024-02-01", "outage test");
    ministry.activates(region, "2024-02-01", "2024-02-29", notice);
    Map<String, Object> consent = new LinkedHashMap<>();
    consent.put("requestId", "outage-consent");
    consent.put("facilityCode", facility);
    consent.put("patientId", "P-OUTAGE-1");
    consent.put("basis", "ORAL");
    consent.put("identification", "INSURED_NUMBER");
    consent.put("recordedBy", "nurse Higa");
    consent.put("at", "2024-02-01T09:00:00+09:00");
    String consentId =
        expect(201, clinic.post("/api/consents", consent)).json().get("consentId").asText();

    Queue<Answer> answers = new ConcurrentLinkedQueue<>();
    Queue<Health> health = new ConcurrentLinkedQueue<>();
    AtomicBoolean loading = new AtomicBoolean(true);
    AtomicInteger sequence = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
    for (int c = 0; c < CLIENTS; c++) {
      pool.submit(
          () -> {
            while (loading.get()) {
              int n = sequence.incrementAndGet();
              switch (n % 4) {
                case 0, 1 -> {
                  Map<String, Object> view = new LinkedHashMap<>();
                  view.put("requestId", "outage-view-" + n);
                  view.put("facilityCode", facility);
                  view.put("viewerId", "dr-kinjo");
                  view.put("viewerRole", "DOCTOR");
                  view.put("patientId", "P-OUTAGE-1");
                  view.put("categories", List.of("MEDICATION"));
                  view.put("consentId", consentId);
                  view.put("at", AT);
                  answers.add(send("view", "outage-view-" + n, clinic, "/api/views", view));
                }
                case 2 -> {
                  String id = TestCodes.noticeId("outage");
                  answers.add(send("notice", id, mhlw, "/api/notices", notice(id)));
                }
                default -> answers.add(send("query", notice, mhlw, "/api/notices/" + notice, null));
              }
            }
            return null;
          });
    }
    pool.submit(
        () -> {
          while (loading.get()) {
            long started = System.nanoTime();
            var reply = api().get("/actuator/health");
            health.add(new Health(started, System.nanoTime(), reply.status(), reply.text()));
            Thread.sleep(200);
          }
          return null;
        });

    Thread.sleep(1500);
    long away;
    long back;
    Api.Reply healthWhileAway;
    long healthAnswered;
    try {
      storeGoesAway();
      away = System.nanoTime();
      // Health is asked while the store is surely away: the outage lasts until it has answered.
      healthWhileAway = api().get("/actuator/health");
      healthAnswered = System.nanoTime();
      long left = OUTAGE.toNanos() - (System.nanoTime() - away);
      if (left > 0) {
        TimeUnit.NANOSECONDS.sleep(left);
      }
    } finally {
      storeComesBack();
    }
    back = System.nanoTime();
    long commandsBack =
        waitFor(
            COMMANDS_BACK_WITHIN,
            () ->
                answers.stream()
                    .anyMatch(a -> a.startedNanos() > back && a.done() && !a.kind.equals("query")));
    long healthBack =
        waitFor(
            COMMANDS_BACK_WITHIN,
            () -> health.stream().anyMatch(h -> h.atNanos() > back && h.status() == 200));
    Thread.sleep(1000);
    loading.set(false);
    pool.shutdown();
    assertThat(pool.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    long caughtUp = waitFor(CAUGHT_UP_WITHIN, this::processorsAndChainCaughtUp);

    List<Answer> all = List.copyOf(answers);
    List<Answer> during =
        all.stream().filter(a -> a.startedNanos() > away && a.endedNanos() < back).toList();
    System.out.printf(
        "%s: %d answers in all %s; %d sent and answered during the outage %s; health while away %d"
            + " in %.1f s; commands back %.1f s, health UP %.1f s, processors and chain caught up"
            + " %.1f s after the store was back%n",
        getClass().getSimpleName(),
        all.size(),
        byStatus(all),
        during.size(),
        byStatus(during),
        healthWhileAway.status(),
        seconds(healthAnswered - away),
        seconds(commandsBack - back),
        seconds(healthBack - back),
        seconds(caughtUp - back));

    assertThat(commandsBack)
        .as("commands succeed within " + COMMANDS_BACK_WITHIN)
        .isNotEqualTo(NEVER);
    assertThat(healthBack).as("health UP within " + COMMANDS_BACK_WITHIN).isNotEqualTo(NEVER);
    assertThat(caughtUp).as("caught up within " + CAUGHT_UP_WITHIN).isNotEqualTo(NEVER);
    // Nothing but a true answer or an honest refusal, ever.
    assertThat(all)
        .allSatisfy(
            a -> assertThat(a.done() || a.refusedAsUnavailable()).as(a.toString()).isTrue());
    // The outage was seen: commands sent while the store was away were refused (a query may still
    // be answered from what H2 holds in memory; a command answered as done is checked below).
    assertThat(during)
        .filteredOn(a -> !a.kind().equals("query"))
        .anySatisfy(a -> assertThat(a.refusedAsUnavailable()).as(a.toString()).isTrue());
    assertThat(healthWhileAway.status()).as(healthWhileAway.toString()).isEqualTo(503);
    assertThat(healthWhileAway.json().get("status").asText()).isEqualTo("DOWN");
    List<Health> healthDuring =
        health.stream().filter(h -> h.startedNanos() > away && h.atNanos() < back).toList();
    assertThat(healthDuring)
        .allSatisfy(
            h -> {
              assertThat(h.status()).as(h.body()).isEqualTo(503);
              assertThat(h.body()).contains("\"status\":\"DOWN\"");
            });
    // Every command answered as done is in the store.
    List<String> notStoredOnce = new java.util.ArrayList<>();
    for (Answer a : all) {
      if (a.done() && !a.kind().equals("query")) {
        String aggregate = a.kind().equals("view") ? a.json().get("viewId").asText() : a.key();
        long stored =
            jdbc.queryForObject(
                "select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class,
                aggregate);
        if (stored != 1) {
          notStoredOnce.add(
              String.format(
                  "%d stored events of the answered %s (sent %+.3f s, answered %+.3f s after the"
                      + " store went away; it came back at %+.3f s)",
                  stored,
                  a,
                  (a.startedNanos() - away) / 1e9,
                  (a.endedNanos() - away) / 1e9,
                  (back - away) / 1e9));
        }
      }
    }
    assertThat(notStoredOnce).as("answered commands not stored exactly once").isEmpty();
    // And the ledger works as before.
    expect(201, mhlw.post("/api/notices", notice(TestCodes.noticeId("outage"))));
  }

  private static Map<String, Object> notice(String id) {
    return Map.of(
        "noticeId",
        id,
        "series",
        TestCodes.series(),
        "revision",
        1,
        "issuedOn",
        "2024-02-01",
        "title",
        "outage test");
  }

  private static Api.Reply expect(int status, Api.Reply reply) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    return reply;
  }

  private static Answer send(String kind, String key, Api api, String path, Object body) {
    long started = System.nanoTime();
    try {
      Api.Reply reply = body == null ? api.get(path) : api.post(path, body);
      return new Answer(
          kind,
          key,
          started,
          System.nanoTime(),
          reply.status(),
          reply.contentType(),
          reply.response().headers().firstValue("Retry-After").orElse(""),
          reply.text());
    } catch (RuntimeException e) {
      return new Answer(kind, key, started, System.nanoTime(), -1, "", "", e.toString());
    }
  }

  /** Every tracking processor and the chain have reached the store's head. */
  private boolean processorsAndChainCaughtUp() {
    try {
      return caughtUp();
    } catch (RuntimeException storeStillFailing) {
      return false;
    }
  }

  private boolean caughtUp() {
    Long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    boolean processorsThere =
        processors.all().stream()
            .allMatch(s -> !s.error() && s.position() != null && s.position() >= head);
    long chained = chain.head().map(ChainEntry::position).orElse(-1L);
    return processorsThere && chained >= head;
  }

  /** When the condition first held, or {@link #NEVER} if not within the bound. */
  private static long waitFor(Duration bound, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        return NEVER;
      }
      Thread.sleep(100);
    }
    return System.nanoTime();
  }

  private static final long NEVER = Long.MAX_VALUE;

  private static Map<String, Long> byStatus(List<Answer> answers) {
    return answers.stream()
        .collect(
            Collectors.groupingBy(
                a -> a.kind() + " " + a.status(), TreeMap::new, Collectors.counting()));
  }

  private static double seconds(long nanos) {
    return nanos < 0 || nanos > Long.MAX_VALUE / 2 ? Double.NaN : nanos / 1e9;
  }
}
