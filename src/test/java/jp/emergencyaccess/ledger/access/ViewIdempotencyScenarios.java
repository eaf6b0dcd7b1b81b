package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Repeats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Idempotency and races of lookups over real HTTP: one decision per request id, none lost when many
 * arrive at once; the same request id for another lookup refused; run on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class ViewIdempotencyScenarios extends HttpTest {
  private static final String LAST_MOMENT = "2024-02-29T23:59:59.999+09:00";
  private static final String NEXT_DAY = "2024-03-01T00:00:00+09:00";
  private static final String CONSENTED = "2024-02-01T09:00:00+09:00";
  private AccessWorld world;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
  }

  @Test
  void theSameRequestAgain_answersTheFirstDecision_recordsNothing_andDrawsNoGlobalIndex(
      CapturedOutput output) {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-R-1", CONSENTED);
    var first = world.view(clinic, "same", "P-R-1", consent, LAST_MOMENT);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    double replayed = Repeats.counted(monitor(), "RecallView", "replayed");
    int mark = output.length();

    var again = world.view(clinic, "same", "P-R-1", consent, LAST_MOMENT);

    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    ObjectNode expected = ((ObjectNode) first.json().deepCopy()).put("replayed", true);
    assertThat(again.json()).isEqualTo(expected);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).as("the store's head").isEqualTo(head);
    assertThat(Repeats.stackTraceLines(logged)).as("logged for the repeat").isEmpty();
    assertThat(Repeats.counted(monitor(), "RecallView", "replayed")).isEqualTo(replayed + 1);
    var next = world.view(clinic, "after-same", "P-R-1", consent, LAST_MOMENT);
    assertThat(Repeats.globalIndexOf(jdbc, next.json().get("viewId").asText()))
        .as("the next event's global index: no position was drawn for the repeat")
        .isEqualTo(head + 1);
  }

  @Test
  void theSameRequestIdForAnotherLookup_isRefused_whicheverFactDiffers_andRecordsNothing(
      CapturedOutput output) {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-F-1", CONSENTED);
    String otherConsent = world.consent(clinic, "P-F-1", CONSENTED);
    var first =
        world.view(
            clinic,
            AccessWorld.viewBody(clinic.facilityCode(), "reused", "P-F-1", consent, LAST_MOMENT));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    Map<String, UnaryOperator<Map<String, Object>>> others = new LinkedHashMap<>();
    others.put("viewerId", b -> with(b, "viewerId", "dr-higa"));
    others.put("viewerRole", b -> with(b, "viewerRole", "PHARMACIST"));
    others.put("patientId", b -> with(b, "patientId", "P-F-2"));
    others.put("categories", b -> with(b, "categories", List.of("MEDICATION", "CLINICAL")));
    others.put("consentId", b -> with(b, "consentId", otherConsent));
    others.put("consentId ", b -> with(b, "consentId", null));
    others.put("at", b -> with(b, "at", NEXT_DAY));
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    double refused = Repeats.counted(monitor(), "RecallView", "refused");
    int mark = output.length();

    for (var other : others.entrySet()) {
      var body =
          other
              .getValue()
              .apply(
                  AccessWorld.viewBody(
                      clinic.facilityCode(), "reused", "P-F-1", consent, LAST_MOMENT));
      var reply = world.view(clinic, body);
      String field = other.getKey().trim();
      assertThat(reply.status()).as(field + ": " + reply).isEqualTo(409);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");
      assertThat(reply.json().get("detail").asText())
          .contains(
              "requestId reused of facility " + clinic.facilityCode(), "with other " + field + ";")
          .doesNotContain("P-F-");
    }

    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).as("the store's head").isEqualTo(head);
    assertThat(Repeats.counted(monitor(), "RecallView", "refused"))
        .isEqualTo(refused + others.size());
    assertThat(logged.stream().filter(l -> l.contains("REQUEST_ID_REUSED")))
        .as("one line per refusal")
        .hasSize(others.size());
    assertThat(Repeats.stackTraceLines(logged)).isEmpty();
    assertThat(String.join("\n", logged)).doesNotContain("P-F-");
    var sameInOtherOrder =
        world.view(
            clinic,
            with(
                AccessWorld.viewBody(
                    clinic.facilityCode(), "reused", "P-F-1", consent, LAST_MOMENT),
                "categories",
                List.of("DISPENSING", "MEDICATION")));
    assertThat(sameInOtherOrder.status()).as("categories are a set").isEqualTo(201);
    assertThat(sameInOtherOrder.json().get("replayed").asBoolean()).isTrue();
  }

  @Test
  void aLookupThatLeftItsInstantToTheLedger_isReplayedWithoutOne_butRefusedWithAnother() {
    var clinic = world.unregisteredFacility();
    var body = AccessWorld.viewBody(clinic.facilityCode(), "stamped", "P-S-1", null, null);
    var first = world.view(clinic, body);
    assertThat(first.status()).as(first.toString()).isEqualTo(403);
    String at = first.json().get("at").asText();
    long events = storedEvents();

    var later = world.view(clinic, body);
    assertThat(later.status()).as(later.toString()).isEqualTo(403);
    assertThat(later.json().get("replayed").asBoolean()).isTrue();
    assertThat(later.json().get("viewId")).isEqualTo(first.json().get("viewId"));
    assertThat(later.json().get("at").asText()).isEqualTo(at);
    var stated = world.view(clinic, with(body, "at", at));
    assertThat(stated.status()).as(stated.toString()).isEqualTo(403);
    assertThat(stated.json().get("replayed").asBoolean()).isTrue();
    var another = world.view(clinic, with(body, "at", LAST_MOMENT));
    assertThat(another.status()).as(another.toString()).isEqualTo(409);
    assertThat(another.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(storedEvents()).isEqualTo(events);
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.put(field, value);
    }
    return changed;
  }

  @Test
  void eightThreadsSendingTheSameRequestId_recordOneDecision() throws Exception {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-T-1", CONSENTED);
    List<Api.Reply> replies =
        inParallel(8, i -> world.view(clinic, "race", "P-T-1", consent, LAST_MOMENT));
    String viewId = replies.get(0).json().get("viewId").asText();
    for (Api.Reply reply : replies) {
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
      assertThat(reply.json().get("viewId").asText()).isEqualTo(viewId);
    }
    assertThat(world.storedTypes(viewId)).containsExactly(MedicalInfoViewed.class.getName());
    assertThat(replies.stream().filter(r -> !r.json().get("replayed").asBoolean())).hasSize(1);
  }

  @Test
  void eightThreadsSendingDistinctLookupsToOneFacility_loseNone() throws Exception {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-D-1", CONSENTED);
    long before = world.storedViewsOf(clinic.facilityCode());
    List<Api.Reply> replies =
        inParallel(
            8,
            i -> {
              Api.Reply last = null;
              for (int k = 0; k < 5; k++) {
                last = world.view(clinic, "d-" + i + "-" + k, "P-D-1", consent, LAST_MOMENT);
                assertThat(last.status()).as(last.toString()).isEqualTo(201);
              }
              return last;
            });
    assertThat(replies).hasSize(8);
    assertThat(world.storedViewsOf(clinic.facilityCode())).isEqualTo(before + 40);
  }

  private interface Call {
    Api.Reply run(int thread) throws Exception;
  }

  private static List<Api.Reply> inParallel(int threads, Call call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      var start = new java.util.concurrent.CountDownLatch(1);
      List<Future<Api.Reply>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        int thread = i;
        Callable<Api.Reply> task =
            () -> {
              start.await();
              return call.run(thread);
            };
        futures.add(pool.submit(task));
      }
      start.countDown();
      List<Api.Reply> replies = new ArrayList<>();
      for (Future<Api.Reply> f : futures) {
        replies.add(f.get(120, java.util.concurrent.TimeUnit.SECONDS));
      }
      return replies;
    } finally {
      pool.shutdownNow();
    }
  }
}
