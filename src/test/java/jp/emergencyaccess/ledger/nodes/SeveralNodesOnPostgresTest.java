package jp.emergencyaccess.ledger.nodes;

import static jp.emergencyaccess.ledger.nodes.NodeWorld.activate;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.consent;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.health;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.lookup;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.lookupBody;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.measure;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.notice;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.openInquiry;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.place;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.processors;
import static jp.emergencyaccess.ledger.nodes.NodeWorld.reasons;
import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.nodes.NodeWorld.Place;
import jp.emergencyaccess.ledger.support.Api;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three ledgers in JVMs of their own on one PostgreSQL database, each sent requests directly (as a
 * load balancer may send any request to any node): what one node records is in force for every
 * node's next decision (the decision reads its facts in its own transaction, so the bound is the
 * commit of the command: no wait), the service-status rules are judged on what the whole cluster
 * recorded, the streaming processors' segments are claimed somewhere in the cluster and every node
 * says so, and a node killed under load loses nothing: its segments are taken over within the claim
 * timeout, every read model holds each recorded lookup once, the integrity chain verifies. The
 * nodes start once for the class; the kill comes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeveralNodesOnPostgresTest {
  private static final int NODES = 3;

  /** Axon's token claim timeout (10 s) and claim interval (5 s), with room for a busy machine. */
  private static final Duration TAKE_OVER = Duration.ofSeconds(60);

  private static Cluster cluster;
  private static String noticeId;

  /**
   * The facilities of the scenarios after the first, registered and activated for 2024 before any
   * node decides a lookup: each scenario is about its own rule, not about the activation.
   */
  private static final Map<String, Place> PLACES = new ConcurrentHashMap<>();

  @BeforeAll
  static void startNodes() {
    cluster = Cluster.start(NODES);
    noticeId = notice(a());
    for (String scenario : List.of("suspend", "twice", "stop", "resume", "race", "kill")) {
      Place place = place(a());
      activate(a(), place, "2024-01-01", "2024-12-31", noticeId);
      PLACES.put(scenario, place);
    }
  }

  @AfterAll
  static void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  private static Api a() {
    return cluster.api(0);
  }

  private static Api b() {
    return cluster.api(1);
  }

  private static Api c() {
    return cluster.api(2);
  }

  @Test
  @Order(1)
  void aRegionExtendedThroughA_coversTheNextDecisionOfEveryOtherNode() {
    Place place = place(a());
    activate(a(), place, "2024-01-01", "2024-03-31", noticeId);
    String consentId = consent(b(), place, "P-NODES-EXT");
    String after = "2024-05-10T10:00:00+09:00";
    // B and C decide after the period once: they have read the region's activation.
    for (Api other : List.of(b(), c())) {
      Api.Reply before = lookup(other, place, null, "P-NODES-EXT", consentId, after);
      assertThat(reasons(before)).as(before.toString()).containsExactly("NOT_ACTIVATED");
    }

    Api.Reply extended =
        a().as("mhlw")
            .post(
                "/api/regions/" + place.municipality() + "/extend",
                Map.of("until", "2024-12-31", "noticeId", noticeId));
    assertThat(extended.status()).as(extended.toString()).isEqualTo(201);

    for (Api other : List.of(b(), c())) {
      Api.Reply decided = lookup(other, place, null, "P-NODES-EXT", consentId, after);
      assertThat(decided.status())
          .as("a lookup after the extension committed on another node: " + decided)
          .isEqualTo(201);
      assertThat(decided.json().get("decision").asText()).isEqualTo("ALLOWED");
      Api.Reply check =
          other
              .as("mhlw")
              .get("/api/activation/check?facility=" + place.facilityCode() + "&at=2024-05-10");
      assertThat(check.json().get("active").asBoolean()).as(check.toString()).isTrue();
    }
  }

  @Test
  @Order(2)
  void aFacilitySuspendedThroughA_isDeniedByEveryOtherNode() {
    Place place = PLACES.get("suspend");
    String consentId = consent(a(), place, "P-NODES-SUS");
    for (Api other : List.of(b(), c())) {
      Api.Reply allowed =
          lookup(other, place, null, "P-NODES-SUS", consentId, "2024-03-01T10:00:00+09:00");
      assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    }

    String inquiry = openInquiry(a(), place, "2024-03-01T11:00:00+09:00");
    Api.Reply suspended = measure(a(), inquiry, "suspend", "2024-03-02T00:00:00+09:00");
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);

    for (Api other : List.of(b(), c())) {
      Api.Reply denied =
          lookup(other, place, null, "P-NODES-SUS", consentId, "2024-03-05T10:00:00+09:00");
      assertThat(denied.status())
          .as("a lookup after a suspension committed on another node: " + denied)
          .isEqualTo(403);
      assertThat(reasons(denied)).contains("FACILITY_SUSPENDED");
    }
  }

  @Test
  @Order(3)
  void aSecondSuspensionThroughB_ofAFacilitySuspendedThroughA_isRefused() {
    Place place = PLACES.get("twice");
    // B decides once before the suspension: it has read the facility's service status.
    lookup(b(), place, null, "P-NODES-TWICE", null, "2024-03-01T10:00:00+09:00");

    String first = openInquiry(a(), place, "2024-03-01T11:00:00+09:00");
    assertThat(measure(a(), first, "suspend", "2024-03-02T00:00:00+09:00").status()).isEqualTo(201);

    String second = openInquiry(b(), place, "2024-03-03T11:00:00+09:00");
    long before = storedEvents();
    Api.Reply again = measure(b(), second, "suspend", "2024-03-04T00:00:00+09:00");
    assertThat(again.status()).as(again.toString()).isEqualTo(409);
    assertThat(again.json().path("rule").asText()).isEqualTo("ALREADY_SUSPENDED");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void aFacilityStoppedThroughA_cannotBeResumedThroughB() {
    Place place = PLACES.get("stop");
    String inquiry = openInquiry(b(), place, "2024-03-01T11:00:00+09:00");
    assertThat(measure(b(), inquiry, "suspend", "2024-03-02T00:00:00+09:00").status())
        .isEqualTo(201);
    // B decides once while the facility is suspended: it has read the suspension.
    Api.Reply denied = lookup(b(), place, null, "P-NODES-STOP", null, "2024-03-03T10:00:00+09:00");
    assertThat(reasons(denied)).contains("FACILITY_SUSPENDED");

    Api.Reply stopped = measure(a(), inquiry, "stop", "2024-03-04T00:00:00+09:00");
    assertThat(stopped.status()).as(stopped.toString()).isEqualTo(201);

    long before = storedEvents();
    Api.Reply resumed = measure(b(), inquiry, "resume", "2024-03-05T00:00:00+09:00");
    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(409);
    assertThat(resumed.json().path("rule").asText()).isEqualTo("STOP_IS_FINAL");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  @Order(5)
  void aResumeThroughB_restoresTheServiceOnA() {
    Place place = PLACES.get("resume");
    String consentId = consent(a(), place, "P-NODES-RESUME");
    String inquiry = openInquiry(a(), place, "2024-03-01T11:00:00+09:00");
    assertThat(measure(a(), inquiry, "suspend", "2024-03-02T00:00:00+09:00").status())
        .isEqualTo(201);
    Api.Reply denied =
        lookup(a(), place, null, "P-NODES-RESUME", consentId, "2024-03-03T10:00:00+09:00");
    assertThat(reasons(denied)).as(denied.toString()).containsExactly("FACILITY_SUSPENDED");

    Api.Reply resumed = measure(b(), inquiry, "resume", "2024-03-04T00:00:00+09:00");
    assertThat(resumed.status()).as(resumed.toString()).isEqualTo(201);

    for (Api node : List.of(a(), b(), c())) {
      Api.Reply allowed =
          lookup(node, place, null, "P-NODES-RESUME", consentId, "2024-03-05T10:00:00+09:00");
      assertThat(allowed.status())
          .as("a lookup after a resume committed on another node: " + allowed)
          .isEqualTo(201);
    }
  }

  @Test
  @Order(6)
  void everyStreamingProcessor_hasEverySegmentClaimedInTheCluster_andEveryNodeSaysSo() {
    awaitEveryProcessorHeld(cluster.alive());
    for (int n = 0; n < NODES; n++) {
      // What a load balancer asks: this node can serve.
      Api.Reply node = cluster.api(n).anonymous().get("/actuator/health/node");
      assertThat(node.status()).as(node.toString()).isEqualTo(200);
    }
    Map<String, JsonNode> onA = processors(a());
    assertThat(onA).isNotEmpty();
    for (String name : onA.keySet()) {
      int held = 0;
      for (int n = 0; n < NODES; n++) {
        JsonNode p = processors(cluster.api(n)).get(name);
        assertThat(p.get("segments").asInt()).as(p.toString()).isPositive();
        assertThat(p.get("unclaimedSegments")).as(p.toString()).isEmpty();
        assertThat(p.get("caughtUp").asBoolean()).as("node " + n + ": " + p).isTrue();
        held += p.get("segmentsHere").asInt();
        JsonNode health = health(cluster.api(n)).at("/components/eventProcessors");
        assertThat(health.path("status").asText()).as("node " + n + ": " + health).isEqualTo("UP");
        assertThat(health.at("/details/" + name + "/segmentsHere").asInt())
            .isEqualTo(p.get("segmentsHere").asInt());
        assertThat(health.at("/details/" + name + "/unclaimedSegments")).isEmpty();
      }
      assertThat(held)
          .as(name + ": every segment is claimed by exactly one node")
          .isEqualTo(onA.get(name).get("segments").asInt());
    }
  }

  @Test
  @Order(7)
  void aResetOnANode_whileOtherNodesHoldSegments_isRefused_andTheProcessorRunsOn() {
    String processor = "access-history";
    int holder = holderOf(processor);
    int other = (holder + 1) % NODES;
    long before = storedEvents();
    Api.Reply reset =
        cluster.api(other).as("mhlw").post("/api/admin/processors/" + processor + "/reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(409);
    assertThat(reset.contentType()).startsWith("application/problem+json");
    assertThat(reset.json().path("rule").asText()).isEqualTo("PROCESSOR_CLAIMED_ELSEWHERE");
    assertThat(storedEvents()).isEqualTo(before);
    JsonNode health = health(cluster.api(other)).at("/components/eventProcessors");
    assertThat(health.at("/details/" + processor + "/state").asText())
        .as(health.toString())
        .isEqualTo("RUNNING");
    assertThat(processors(cluster.api(holder)).get(processor).get("segmentsHere").asInt())
        .isPositive();
  }

  @Test
  @Order(8)
  void concurrentLookupsThroughEveryNode_recordOneDecisionEach_andARequestIdSentToTwoNodesOnce()
      throws Exception {
    Place place = PLACES.get("race");
    String consentId = consent(a(), place, "P-NODES-RACE");
    int clients = 6;
    int perClient = 20;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    ExecutorService pairPool = Executors.newFixedThreadPool(2);
    try {
      // Plain lookups, with and without requestIds, through every node at once.
      List<Future<List<String>>> plain = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int client = c;
        plain.add(
            pool.submit(
                () -> {
                  List<String> viewIds = new ArrayList<>();
                  Api node = cluster.api(client % NODES);
                  for (int i = 0; i < perClient; i++) {
                    String requestId = i % 2 == 0 ? "race-" + client + "-" + i : null;
                    String at = "2024-04-%02dT10:00:00+09:00".formatted(1 + i % 28);
                    String consent = i % 3 == 0 ? null : consentId;
                    viewIds.add(
                        lookup(node, place, requestId, "P-NODES-RACE", consent, at)
                            .json()
                            .get("viewId")
                            .asText());
                  }
                  return viewIds;
                }));
      }
      // Meanwhile the same requestId is sent to two nodes at the same instant, many times.
      int pairs = 20;
      List<Api.Reply[]> twice = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        String requestId = "twice-" + i;
        Api first = cluster.api(i % NODES);
        Api second = cluster.api((i + 1) % NODES);
        CyclicBarrier together = new CyclicBarrier(2);
        Future<Api.Reply> one =
            pairPool.submit(() -> send(first, place, requestId, consentId, together));
        Future<Api.Reply> other =
            pairPool.submit(() -> send(second, place, requestId, consentId, together));
        twice.add(new Api.Reply[] {one.get(), other.get()});
      }
      Set<String> viewIds = new HashSet<>();
      for (Future<List<String>> f : plain) {
        viewIds.addAll(f.get());
      }
      assertThat(viewIds).as("one view per plain lookup").hasSize(clients * perClient);
      for (Api.Reply[] both : twice) {
        for (Api.Reply reply : both) {
          assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        }
        JsonNode one = both[0].json();
        JsonNode other = both[1].json();
        assertThat(other.get("viewId")).as(both[0] + " / " + both[1]).isEqualTo(one.get("viewId"));
        assertThat(other.get("decision")).isEqualTo(one.get("decision"));
        assertThat(one.get("replayed").asBoolean() ^ other.get("replayed").asBoolean())
            .as("exactly one of the two was recorded: " + both[0] + " / " + both[1])
            .isTrue();
        viewIds.add(one.get("viewId").asText());
      }
      long expected = (long) clients * perClient + pairs;
      assertThat(viewIds).hasSize((int) expected);
      assertThat(viewEventsOf(place)).as("view events in the store").isEqualTo(expected);
      awaitHistory(place, expected);
    } finally {
      pool.shutdownNow();
      pairPool.shutdownNow();
    }
  }

  @Test
  @Order(9)
  void aNodeKilledUnderLoad_hasItsSegmentsTakenOver_andNoReadModelLosesOrDoublesALookup()
      throws Exception {
    Place place = PLACES.get("kill");
    String consentId = consent(a(), place, "P-NODES-KILL");
    int victim = holderOf("access-history");

    Map<String, String> answered = new ConcurrentHashMap<>();
    Queue<String> cutOff = new ConcurrentLinkedQueue<>();
    Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger next = new AtomicInteger();
    int clients = 6;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int node = c % NODES;
        running.add(
            pool.submit(
                () -> {
                  while (!stop.get()) {
                    int n = next.incrementAndGet();
                    String requestId = "kill-" + n;
                    String consent = n % 4 == 0 ? null : consentId;
                    String at = "2024-05-%02dT10:00:00+09:00".formatted(1 + n % 28);
                    Api target =
                        cluster.node(node).isAlive() ? cluster.api(node) : survivorOf(victim);
                    try {
                      Api.Reply reply =
                          target
                              .as(place.account())
                              .post(
                                  "/api/views",
                                  lookupBody(place, requestId, "P-NODES-KILL", consent, at));
                      if (reply.status() != 201 && reply.status() != 403) {
                        unexpected.add(reply.toString());
                        return;
                      }
                      answered.put(requestId, reply.json().get("viewId").asText());
                    } catch (IllegalStateException killed) {
                      cutOff.add(requestId);
                    }
                  }
                }));
      }
      eventually(Duration.ofSeconds(60), "answers before the kill", () -> answered.size() >= 150);
      cluster.node(victim).kill();
      int atKill = answered.size();
      eventually(
          Duration.ofSeconds(60),
          "answers from the survivors after the kill",
          () -> answered.size() >= atKill + 150);
      stop.set(true);
      for (Future<?> f : running) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(unexpected).as("answers other than 201/403").isEmpty();
    // A request the kill cut off has no answer: its client sends it again, to a survivor.
    for (String requestId : cutOff) {
      int n = Integer.parseInt(requestId.substring("kill-".length()));
      String consent = n % 4 == 0 ? null : consentId;
      String at = "2024-05-%02dT10:00:00+09:00".formatted(1 + n % 28);
      answered.put(
          requestId,
          lookup(survivorOf(victim), place, requestId, "P-NODES-KILL", consent, at)
              .json()
              .get("viewId")
              .asText());
    }
    List<Integer> survivors = cluster.alive();
    assertThat(survivors).hasSize(NODES - 1);

    long expected = answered.size();
    assertThat(viewEventsOf(place)).as("view events in the store").isEqualTo(expected);
    Set<String> rows = awaitHistory(place, expected);
    assertThat(rows).containsAll(answered.values());

    Api survivor = cluster.api(survivors.get(0));
    eventually(
        TAKE_OVER,
        "the integrity chain verifying up to the head",
        () -> {
          Api.Reply verify = survivor.as("mhlw").get("/api/integrity/verify");
          return verify.status() == 200 && verify.json().path("ok").asBoolean();
        });
    JsonNode verified = survivor.as("mhlw").get("/api/integrity/verify").json();
    assertThat(verified.get("firstBroken")).as(verified.toString()).isNull();
    assertThat(verified.at("/head/position").asLong())
        .isGreaterThanOrEqualTo(cluster.count("select max(globalindex) from domainevententry"));
    awaitEveryProcessorHeld(survivors);
  }

  /** Waits until the nodes report every segment of every processor claimed, and caught up. */
  private static void awaitEveryProcessorHeld(List<Integer> nodes) {
    List<String> missing = new ArrayList<>();
    long deadline = System.nanoTime() + TAKE_OVER.toNanos();
    do {
      missing = clusterHolds(nodes);
      if (missing.isEmpty()) {
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    } while (System.nanoTime() < deadline);
    throw new AssertionError(
        "after " + TAKE_OVER + ", processors not held or not caught up: " + missing);
  }

  /** A node other than {@code node} that still runs. */
  private static Api survivorOf(int node) {
    return cluster.api(cluster.alive().stream().filter(n -> n != node).findFirst().orElseThrow());
  }

  private static Api.Reply send(
      Api node, Place place, String requestId, String consentId, CyclicBarrier together)
      throws Exception {
    together.await();
    return node.as(place.account())
        .post(
            "/api/views",
            lookupBody(place, requestId, "P-NODES-RACE", consentId, "2024-06-01T10:00:00+09:00"));
  }

  /** The node that claims segment 0 of the processor (node 0 when none says so). */
  private static int holderOf(String processor) {
    for (int n : cluster.alive()) {
      JsonNode p = processors(cluster.api(n)).get(processor);
      if (p != null && p.path("segmentsHere").asInt(p.path("segments").asInt()) > 0) {
        return n;
      }
    }
    return 0;
  }

  /**
   * What the nodes do not report as held: for each processor that some node lists with segments
   * claimed by no node, or not caught up on a node, a line; empty when every node reports every
   * segment claimed and the processor caught up.
   */
  private static List<String> clusterHolds(List<Integer> nodes) {
    List<String> missing = new ArrayList<>();
    for (int n : nodes) {
      for (Map.Entry<String, JsonNode> p : processors(cluster.api(n)).entrySet()) {
        JsonNode status = p.getValue();
        if (status.path("segments").asInt() == 0
            || !status.path("unclaimedSegments").isArray()
            || !status.path("unclaimedSegments").isEmpty()
            || !status.path("caughtUp").asBoolean()) {
          missing.add("node " + n + ": " + status);
        }
      }
    }
    return missing;
  }

  private static long storedEvents() {
    return cluster.count("select count(*) from domainevententry");
  }

  /** The store's lookup events (allowed and denied) of one facility. */
  private static long viewEventsOf(Place place) {
    return cluster.count(
        "select count(*) from domainevententry where payloadtype like '%MedicalInfoView%'"
            + " and convert_from(payload, 'UTF8') like ?",
        "%\"facilityCode\":\"" + place.facilityCode() + "\"%");
  }

  /**
   * Waits until the facility's access history, read through every running node, holds {@code
   * expected} attempts, and returns the view ids of its rows, each of which must appear once.
   */
  private static Set<String> awaitHistory(Place place, long expected) {
    for (int n : cluster.alive()) {
      Api node = cluster.api(n).as("fund");
      eventually(
          TAKE_OVER,
          place.facilityCode() + " has " + expected + " attempts on node " + n,
          () ->
              node.get("/api/facilities/" + place.facilityCode() + "/accesses?limit=1")
                      .json()
                      .at("/summary/attempts")
                      .asLong()
                  == expected);
    }
    Api node = cluster.api(cluster.alive().get(0)).as("fund");
    List<String> rows = new ArrayList<>();
    String cursor = null;
    do {
      Api.Reply page =
          node.get(
              "/api/facilities/"
                  + place.facilityCode()
                  + "/accesses?limit=1000"
                  + (cursor == null
                      ? ""
                      : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      assertThat(page.status()).as(page.toString()).isEqualTo(200);
      page.json().get("items").forEach(item -> rows.add(item.get("viewId").asText()));
      cursor = page.json().path("next").isMissingNode() ? null : page.json().path("next").asText();
    } while (cursor != null && !cursor.isEmpty());
    Set<String> distinct = new HashSet<>(rows);
    assertThat(rows).as("history rows, each view once").hasSize(distinct.size());
    assertThat(rows).hasSize((int) expected);
    return distinct;
  }
}
