package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicReference;
import jp.emergencyaccess.ledger.infra.AxonServerReplies;
import jp.emergencyaccess.ledger.infra.GroupCommit;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;

/**
 * Two identical lookups race past the store read on two nodes behind Axon Server's command routing:
 * the other node's is recorded first, and this node's command comes back the way Axon Framework
 * returns a handler's failure across Axon Server (a CommandExecutionException carrying only the
 * messages of Axon Server's INVALID_SEQUENCE; {@link AxonServerReplies}). No Axon Server can run
 * here, so the race is staged: the lookup dispatch of this context first records the lookup itself
 * (as the other node does), then answers with that failure. Everything else is the real application
 * on the embedded store, over HTTP.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/h2-${random.uuid}")
@ActiveProfiles("test")
class RoutedRaceOnH2Test extends HttpTest {
  private static final String AT = "2024-02-10T10:00:00+09:00";

  /** What the next lookup's dispatch throws after recording the lookup, or null to decide it. */
  static final AtomicReference<RuntimeException> LOST_RACE = new AtomicReference<>();

  /** What the next lookup's dispatch throws without recording anything, or null. */
  static final AtomicReference<RuntimeException> FAILED = new AtomicReference<>();

  @TestConfiguration
  static class LosingDispatch {
    @Bean
    @Primary
    LookupDispatch losingDispatch(GroupCommit groups) {
      LookupDispatch real = new GroupedLookups(groups);
      return command -> {
        RuntimeException failed = FAILED.getAndSet(null);
        if (failed != null) {
          throw failed;
        }
        ViewOutcome recorded = real.send(command);
        RuntimeException failure = LOST_RACE.getAndSet(null);
        if (failure != null) {
          throw failure;
        }
        return recorded;
      };
    }
  }

  private AccessWorld world;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
  }

  @Test
  void theLoserOfTheRace_answersTheRecordedDecision_andNothingMoreIsRecorded() {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-RACE-1", "2024-02-01T09:00:00+09:00");
    LOST_RACE.set(
        (RuntimeException)
            AxonServerReplies.dispatched(AxonServerReplies.sequenceRefused("the view")));
    long events = storedEvents();

    var reply = world.view(clinic, "raced", "P-RACE-1", consent, AT);

    assertThat(LOST_RACE.get()).as("the staged failure was thrown").isNull();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().get("decision").asText()).isEqualTo("ALLOWED");
    assertThat(reply.json().get("replayed").asBoolean()).isTrue();
    assertThat(storedEvents()).isEqualTo(events + 1);
    var again = world.view(clinic, "raced", "P-RACE-1", consent, AT);
    assertThat(again.json()).isEqualTo((ObjectNode) reply.json());
  }

  @Test
  void aFailedLookupThatWasNotRecorded_staysAFailure_andIsNotRecalled() {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-RACE-2", "2024-02-01T09:00:00+09:00");
    FAILED.set(
        (RuntimeException)
            AxonServerReplies.dispatched(new IllegalStateException("a fault of the handler")));
    long events = storedEvents();

    var reply = world.view(clinic, "failed", "P-RACE-2", consent, AT);

    assertThat(FAILED.get()).as("the staged failure was thrown").isNull();
    assertThat(reply.status()).as(reply.toString()).isEqualTo(500);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(storedEvents()).isEqualTo(events);
    var again = world.view(clinic, "failed", "P-RACE-2", consent, AT);
    assertThat(again.status()).as("sent again, it is decided: " + again).isEqualTo(201);
    assertThat(again.json().has("replayed") && again.json().get("replayed").asBoolean()).isFalse();
  }
}
