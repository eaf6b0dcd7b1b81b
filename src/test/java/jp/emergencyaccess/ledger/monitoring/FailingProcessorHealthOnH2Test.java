package jp.emergencyaccess.ledger.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * A processor that fails on every batch is in error, not running: the health answers DOWN (503)
 * with the failure as its reason at every reading, for a tracking and for a pooled processor, and
 * the processors' answer says {@code error}. A processor with a segment that no node claims (here:
 * two segments, one thread, one node) is not running either, and a token store that cannot be read
 * makes the processors DOWN with the reason rather than failing the health. Its own context (these
 * read models must not reach the other tests).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.data-dir=target/test-data/h2-failing-${random.uuid}",
      "test.processors.fail-every-batch=true",
      "axon.eventhandling.processors." + FailingProjections.TRACKING + ".mode=tracking",
      "axon.eventhandling.processors." + FailingProjections.POOLED + ".mode=pooled",
      "axon.eventhandling.processors." + FailingProjections.HALF_CLAIMED + ".mode=tracking",
      "axon.eventhandling.processors." + FailingProjections.HALF_CLAIMED + ".thread-count=1",
      "axon.eventhandling.processors."
          + FailingProjections.HALF_CLAIMED
          + ".initial-segment-count=2"
    })
@ActiveProfiles("test")
class FailingProcessorHealthOnH2Test extends HttpTest {
  private static final int READINGS = 40;

  @Test
  void aProcessorFailingOnEveryBatch_isReportedInError_atEveryReading() throws Exception {
    new Ministry(api())
        .issuesNotice("failing", "2024-01-01", "an event for the failing read models");
    // The first failure needs the processors to reach the event.
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (!bothInError(monitor().get("/actuator/health").json()) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }

    List<String> readings = new ArrayList<>();
    for (int i = 0; i < READINGS; i++) {
      Api.Reply health = monitor().get("/actuator/health");
      JsonNode processors = health.json().at("/components/eventProcessors");
      readings.add(
          health.status()
              + " "
              + processors.at("/details/" + FailingProjections.TRACKING + "/state").asText()
              + "/"
              + processors.at("/details/" + FailingProjections.POOLED + "/state").asText());
      Thread.sleep(100);
    }
    assertThat(readings)
        .as("health readings over %d s while both processors fail every batch", READINGS / 10)
        .allMatch(r -> r.equals("503 ERROR/ERROR"));

    JsonNode health = monitor().get("/actuator/health").json();
    assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
    assertThat(
            health
                .at("/components/eventProcessors/details/" + FailingProjections.POOLED + "/reason")
                .asText())
        .contains("this read model fails on every event");
    JsonNode pooled = mhlw().get("/api/admin/processors/" + FailingProjections.POOLED).json();
    assertThat(pooled.get("error").asBoolean()).as(pooled.toString()).isTrue();
    assertThat(pooled.get("caughtUp").asBoolean()).as(pooled.toString()).isFalse();
  }

  @Test
  void aSegmentThatNoNodeClaims_isReportedOutOfService_withTheSegment() throws Exception {
    String name = FailingProjections.HALF_CLAIMED;
    long deadline = System.nanoTime() + 30_000_000_000L;
    JsonNode processor;
    do {
      processor = monitor().get("/actuator/health").json().at("/components/eventProcessors");
      Thread.sleep(100);
    } while (processor.at("/details/" + name + "/segments").asInt() < 2
        && System.nanoTime() < deadline);
    JsonNode details = processor.at("/details/" + name);
    assertThat(details.path("state").asText()).as(details.toString()).isEqualTo("UNCLAIMED");
    assertThat(details.path("segments").asInt()).isEqualTo(2);
    assertThat(details.path("segmentsHere").asInt()).isEqualTo(1);
    assertThat(details.path("unclaimedSegments")).hasSize(1);
    assertThat(details.path("reason").asText()).contains("claimed by no live node");
    // Never UP while a segment is unclaimed (DOWN here: the failing read models are worse).
    assertThat(processor.path("status").asText()).isIn("OUT_OF_SERVICE", "DOWN");
    JsonNode status = mhlw().get("/api/admin/processors/" + name).json();
    assertThat(status.get("caughtUp").asBoolean()).as(status.toString()).isFalse();
    assertThat(status.get("unclaimedSegments")).hasSize(1);
  }

  @Test
  void aTokenStoreThatCannotBeRead_makesTheProcessorsDown_withTheReason_notAnError() {
    jdbc.execute("alter table tokenentry rename to tokenentry_away");
    try {
      Api.Reply health = monitor().get("/actuator/health");
      assertThat(health.status()).as(health.toString()).isEqualTo(503);
      JsonNode processors = health.json().at("/components/eventProcessors");
      assertThat(processors.path("status").asText()).as(processors.toString()).isEqualTo("DOWN");
      assertThat(processors.at("/details/reason").asText())
          .contains("the token store cannot be read");
    } finally {
      jdbc.execute("alter table tokenentry_away rename to tokenentry");
    }
  }

  private static boolean bothInError(JsonNode health) {
    JsonNode details = health.at("/components/eventProcessors/details");
    return details.at("/" + FailingProjections.TRACKING + "/state").asText().equals("ERROR")
        && details.at("/" + FailingProjections.POOLED + "/state").asText().equals("ERROR");
  }
}
