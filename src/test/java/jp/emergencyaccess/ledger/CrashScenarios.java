package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.LedgerProcess;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;

/**
 * The crash drill: a ledger in its own JVM under 16 clients recording consents and lookups, killed
 * with SIGKILL in the middle of the load, started again on the same store; after the last restart
 * every command that had been answered (201, or 403 for a denied and recorded lookup) must be in
 * the store. Each one is sent again: an answer with {@code replayed: true} says the store has it;
 * {@code replayed: false} means it had been lost (and is recorded now). On every storage mode.
 */
abstract class CrashScenarios {
  private static final int CLIENTS = 16;
  private static final int CYCLES = 2;

  /** The kill comes once a cycle has this many answers (the ledger is warm and busy)… */
  private static final int ANSWERS_BEFORE_KILL = 300;

  /** …or after this long, whichever comes first. */
  private static final long MAX_LOAD_MILLIS = 20_000;

  private static final String FACILITY_ACCOUNT = "access-01";
  private static final String FACILITY = TestCodes.facilityCodeOf(FACILITY_ACCOUNT);
  private static final String REGION = TestCodes.NAHA;

  /** One answered command: where it was sent, what it said, and the id it was recorded under. */
  record Acknowledged(String path, Map<String, Object> body, String id) {
    @Override
    public String toString() {
      return path + " " + id;
    }
  }

  /** The storage mode's arguments for a ledger on a fresh store. */
  protected abstract List<String> newStore(Path dataDir);

  protected abstract String mode();

  @Test
  void everyAnsweredCommandIsInTheStore_afterTheLedgerIsKilledUnderLoad() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-" + mode() + "-");
    List<String> arguments = newStore(dataDir);
    Queue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    LedgerProcess ledger = start(dataDir, arguments, 0);
    try {
      setUpWorld(ledger.api());
      for (int cycle = 1; cycle <= CYCLES; cycle++) {
        int before = acknowledged.size();
        load(ledger, cycle, acknowledged, unexpected);
        System.out.printf(
            "crash drill on %s, cycle %d: %d commands answered, then kill -9 of pid %d%n",
            mode(), cycle, acknowledged.size() - before, ledger.pid());
        ledger = start(dataDir, arguments, cycle);
      }
      List<Acknowledged> lost = lost(ledger.api(), List.copyOf(acknowledged));
      System.out.printf(
          "crash drill on %s: %d cycles, %d commands answered (%d lookups, %d consents),"
              + " %d found after restart, %d lost%n",
          mode(),
          CYCLES,
          acknowledged.size(),
          acknowledged.stream().filter(a -> a.path().equals("/api/views")).count(),
          acknowledged.stream().filter(a -> a.path().equals("/api/consents")).count(),
          acknowledged.size() - lost.size(),
          lost.size());
      assertThat(unexpected).as("answers other than 201/403 while the ledger ran").isEmpty();
      assertThat(acknowledged.size()).as("commands answered").isGreaterThan(CYCLES * CLIENTS);
      assertThat(lost)
          .as("answered commands that were not in the store after kill -9 and a restart")
          .isEmpty();
    } finally {
      ledger.close();
    }
  }

  private LedgerProcess start(Path dataDir, List<String> arguments, int run) {
    return LedgerProcess.start(dataDir.resolve("ledger-" + run + ".log"), arguments);
  }

  /** A facility of Naha, registered in January 2024, and Naha activated for the whole year. */
  private static void setUpWorld(Api api) {
    Api mhlw = api.as("mhlw");
    var notice =
        mhlw.post(
            "/api/notices",
            Map.of(
                "noticeId",
                "crash-drill-1",
                "series",
                "crash-drill",
                "revision",
                1,
                "issuedOn",
                "2024-01-01",
                "title",
                "crash drill"));
    assertThat(notice.status()).as(notice.toString()).isEqualTo(201);
    var activated =
        mhlw.post(
            "/api/regions/" + REGION + "/activate",
            Map.of("from", "2024-01-01", "until", "2024-12-31", "noticeId", "crash-drill-1"));
    assertThat(activated.status()).as(activated.toString()).isEqualTo(201);
    Map<String, Object> facility = new LinkedHashMap<>();
    facility.put("facilityCode", FACILITY);
    facility.put("kind", "CLINIC");
    facility.put("name", "Crash drill clinic");
    facility.put("nameKana", "クリニック");
    facility.put("postalCode", "900-8570");
    facility.put("address", "Naha 1-1");
    facility.put("municipalityCode", REGION);
    facility.put("phone", "098-866-2333");
    facility.put("at", "2024-01-01T00:00:00+09:00");
    var registered = mhlw.post("/api/facilities", facility);
    assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
  }

  /**
   * {@link #CLIENTS} clients, each recording a consent, a lookup that cites it and one that cites
   * none, over and over with fresh ids; the ledger is killed while they are all busy, once the
   * cycle has {@link #ANSWERS_BEFORE_KILL} answers. A request that the kill cuts off has no answer
   * and is not counted.
   */
  private static void load(
      LedgerProcess ledger, int cycle, Queue<Acknowledged> acknowledged, Queue<String> unexpected)
      throws Exception {
    Api api = ledger.api().as(FACILITY_ACCOUNT);
    AtomicBoolean killed = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < CLIENTS; c++) {
        String client = cycle + "-" + c;
        running.add(
            clients.submit(
                () -> {
                  for (int n = 0; !killed.get(); n++) {
                    String patient = "P-CRASH-" + client + "-" + n;
                    try {
                      String consentId =
                          send(
                              api,
                              "/api/consents",
                              consent("c-" + client + "-" + n, patient),
                              acknowledged);
                      String request = "v-" + client + "-" + n;
                      send(
                          api,
                          "/api/views",
                          lookup(request + "-a", patient, consentId),
                          acknowledged);
                      send(api, "/api/views", lookup(request + "-b", patient, null), acknowledged);
                    } catch (IllegalStateException cutOff) {
                      return;
                    } catch (AssertionError wrong) {
                      unexpected.add(wrong.getMessage());
                      return;
                    }
                  }
                }));
      }
      long deadline = System.nanoTime() + MAX_LOAD_MILLIS * 1_000_000;
      int before = acknowledged.size();
      while (acknowledged.size() - before < ANSWERS_BEFORE_KILL
          && System.nanoTime() < deadline
          && unexpected.isEmpty()) {
        Thread.sleep(10);
      }
      killed.set(true);
      ledger.kill();
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  /** Sends one command; an answer is kept as acknowledged, and its id returned. */
  private static String send(
      Api api, String path, Map<String, Object> body, Queue<Acknowledged> acknowledged) {
    Api.Reply reply = api.post(path, body);
    String id = idOf(path, reply);
    acknowledged.add(new Acknowledged(path, body, id));
    return id;
  }

  /** The recorded id of an answer that says the command is recorded; anything else fails. */
  private static String idOf(String path, Api.Reply reply) {
    if (reply.status() != 201 && !(reply.status() == 403 && path.equals("/api/views"))) {
      throw new AssertionError(path + " answered " + reply);
    }
    String id = reply.json().path(path.equals("/api/views") ? "viewId" : "consentId").asText();
    if (id.isEmpty()) {
      throw new AssertionError(path + " answered without an id: " + reply);
    }
    return id;
  }

  private static Map<String, Object> consent(String requestId, String patientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", requestId);
    body.put("facilityCode", FACILITY);
    body.put("patientId", patientId);
    body.put("basis", "ORAL");
    body.put("identification", "INSURED_NUMBER");
    body.put("recordedBy", "nurse Higa");
    body.put("at", "2024-02-01T09:00:00+09:00");
    return body;
  }

  private static Map<String, Object> lookup(String requestId, String patientId, String consentId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", requestId);
    body.put("facilityCode", FACILITY);
    body.put("viewerId", "dr-kinjo");
    body.put("viewerRole", "DOCTOR");
    body.put("patientId", patientId);
    body.put("categories", List.of("MEDICATION", "DISPENSING"));
    if (consentId != null) {
      body.put("consentId", consentId);
    }
    body.put("at", "2024-02-20T10:00:00+09:00");
    return body;
  }

  /** Sends every answered command again: those not answered as replayed had been lost. */
  private static List<Acknowledged> lost(Api api, List<Acknowledged> acknowledged)
      throws Exception {
    Api facility = api.as(FACILITY_ACCOUNT);
    ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
    try {
      List<Future<Boolean>> replayed = new ArrayList<>();
      for (Acknowledged a : acknowledged) {
        replayed.add(
            clients.submit(
                () -> {
                  Api.Reply again = facility.post(a.path(), a.body());
                  assertThat(idOf(a.path(), again)).as(again.toString()).isEqualTo(a.id());
                  return again.json().path("replayed").asBoolean();
                }));
      }
      List<Acknowledged> lost = new ArrayList<>();
      for (int i = 0; i < acknowledged.size(); i++) {
        if (!replayed.get(i).get()) {
          lost.add(acknowledged.get(i));
        }
      }
      return lost;
    } finally {
      clients.shutdownNow();
    }
  }
}
