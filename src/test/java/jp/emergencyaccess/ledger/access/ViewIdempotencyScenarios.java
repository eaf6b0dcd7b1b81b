package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Idempotency and races of lookups over real HTTP: one decision per request id, none lost when many
 * arrive at once; run on H2 and on PostgreSQL.
 */
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
  void theSameRequestId_answersTheFirstDecision_andRecordsNothingNew() {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-R-1", CONSENTED);
    var first = world.view(clinic, "same", "P-R-1", consent, LAST_MOMENT);
    long events = storedEvents();
    var again = world.view(clinic, "same", "P-R-1", consent, NEXT_DAY);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("viewId")).isEqualTo(first.json().get("viewId"));
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(again.json().get("at").asText()).isEqualTo("2024-02-29T23:59:59.999+09:00");
    assertThat(storedEvents()).isEqualTo(events);
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
