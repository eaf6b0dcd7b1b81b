package jp.emergencyaccess.ledger.history;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.access.CoveredBy;
import jp.emergencyaccess.ledger.access.DenialReason;
import jp.emergencyaccess.ledger.access.InfoCategory;
import jp.emergencyaccess.ledger.access.MedicalInfoView;
import jp.emergencyaccess.ledger.access.MedicalInfoViewDenied;
import jp.emergencyaccess.ledger.access.MedicalInfoViewed;
import jp.emergencyaccess.ledger.access.ViewerRole;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.Identification;
import jp.emergencyaccess.ledger.history.HistoryWorld.Place;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.SseClient;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A stored view event that the access history cannot handle (its instant overflows the history's
 * milliseconds) parks only its facility: the other facilities' lookups still reach their histories,
 * the health and a metric show the parked events, and once the bad event is evicted a retry writes
 * the facility's later lookups. Run on H2 and PostgreSQL.
 */
abstract class DeadLetterScenarios extends HttpTest {
  private static final String PROCESSOR = AccessHistory.GROUP;
  private static final Pattern GAUGE =
      Pattern.compile("ledger_dead_letters\\{processor=\"access-history\"\\} (\\S+)");

  @Autowired EventStore eventStore;

  private static String at(int day, int hour) {
    return String.format("2024-03-%02dT%02d:00:00+09:00", day, hour);
  }

  @Test
  void anEventTheHistoryCannotHandle_parksOnlyItsFacility_untilEvictedAndRetried() {
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    Place poisoned = world.registeredFacility(municipality);
    Place other = world.registeredFacility(municipality);
    world.activate(municipality, "2024-03-01", "2024-03-31");
    String consentP = world.consent(poisoned, "D-1", false, "INSURED_NUMBER", at(2, 8));
    String consentO = world.consent(other, "D-2", false, "INSURED_NUMBER", at(2, 8));
    List<String> med = List.of("MEDICATION");
    world.view(poisoned, "d-p1", "dr-p", "DOCTOR", "D-1", med, consentP, at(2, 9));
    world.view(other, "d-o1", "dr-o", "DOCTOR", "D-2", med, consentO, at(2, 9));
    world.awaitAttempts(poisoned.facilityCode(), 1);
    world.awaitAttempts(other.facilityCode(), 1);
    assertThat(deadLetters()).isZero();

    // Stored as it is (the API refuses such an instant): year +999999999 has no epoch millisecond.
    String poisonId = UUID.randomUUID().toString();
    eventStore.publish(
        new GenericDomainEventMessage<>(
            MedicalInfoView.class.getSimpleName(),
            poisonId,
            0,
            new MedicalInfoViewed(
                poisonId,
                "d-poison",
                poisoned.facilityCode(),
                "dr-p",
                ViewerRole.DOCTOR,
                "0".repeat(32),
                List.of(InfoCategory.MEDICATION),
                consentP,
                ConsentBasis.ORAL,
                Identification.INSURED_NUMBER,
                CoveredBy.region(municipality, "d-notice"),
                Instant.parse("+999999999-12-31T23:59:59Z"))));
    String eventId = poisonEventIdentifier(poisonId);
    long poisonAt = positionOf(poisonId);
    world.view(poisoned, "d-p2", "dr-p", "DOCTOR", "D-1", med, consentP, at(3, 9));
    long laterAt = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    world.view(other, "d-o2", "dr-o", "DOCTOR", "D-2", med, consentO, at(3, 9));

    // The other facility's lookup after the bad event is written; the poisoned facility's waits.
    world.awaitAttempts(other.facilityCode(), 2);
    eventually("both events of the poisoned facility parked", () -> deadLetters() == 2);
    assertThat(attempts(world, poisoned)).isEqualTo(1);

    // The event stream reads past it too, the instant written in UTC as it cannot be at +09:00.
    try (SseClient stream =
        SseClient.open(
            monitor(),
            "/api/stream?from=" + (poisonAt - 1) + "&facility=" + poisoned.facilityCode())) {
      List<SseClient.Message> events = stream.eventsThrough(laterAt, Duration.ofSeconds(30));
      assertThat(events).extracting(SseClient.Message::position).contains(poisonAt, laterAt);
      assertThat(
              events.stream()
                  .filter(e -> e.position() == poisonAt)
                  .findFirst()
                  .orElseThrow()
                  .json()
                  .get("at")
                  .asText())
          .isEqualTo("+999999999-12-31T23:59:59Z");
    }

    Api.Reply health = monitor().get("/actuator/health");
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    assertThat(health.json().get("status").asText()).isEqualTo("DEGRADED");
    assertThat(health.json().at("/components/deadLetters/status").asText()).isEqualTo("DEGRADED");
    assertThat(health.json().at("/components/deadLetters/details/access-history/letters").asLong())
        .isEqualTo(2);
    assertThat(
            health.json().at("/components/deadLetters/details/access-history/sequences").asLong())
        .isEqualTo(1);
    assertThat(health.json().at("/components/eventProcessors/status").asText()).isEqualTo("UP");
    assertThat(api().get("/actuator/health").json().get("status").asText()).isEqualTo("DEGRADED");

    JsonNode sequences = mhlw().get("/api/admin/processors/" + PROCESSOR + "/dead-letters").json();
    assertThat(sequences.size()).as(sequences.toString()).isEqualTo(1);
    assertThat(sequences.at("/0/sequence").asText()).isEqualTo(poisoned.facilityCode());
    assertThat(sequences.at("/0/size").asLong()).isEqualTo(2);
    assertThat(sequences.at("/0/letters/0/eventIdentifier").asText()).isEqualTo(eventId);
    assertThat(sequences.at("/0/letters/0/causeType").asText()).isNotBlank();
    assertThat(sequences.at("/0/letters/1/causeType").isNull()).isTrue();
    assertThat(fund().get("/api/admin/processors/" + PROCESSOR + "/dead-letters").status())
        .isEqualTo(403);

    // A retry meets the same failure: everything stays parked, in order.
    JsonNode again = retry();
    assertThat(again.get("sequencesCleared").asInt()).as(again.toString()).isZero();
    assertThat(again.get("remaining").asLong()).isEqualTo(2);
    assertThat(attempts(world, poisoned)).isEqualTo(1);

    Api.Reply evicted =
        mhlw()
            .send(
                mhlw()
                    .request("/api/admin/processors/" + PROCESSOR + "/dead-letters/" + eventId)
                    .DELETE());
    assertThat(evicted.status()).as(evicted.toString()).isEqualTo(200);
    assertThat(deadLetters()).isEqualTo(1);
    JsonNode cleared = retry();
    assertThat(cleared.get("sequencesCleared").asInt()).as(cleared.toString()).isEqualTo(1);
    assertThat(cleared.get("remaining").asLong()).isZero();

    world.awaitAttempts(poisoned.facilityCode(), 2);
    assertThat(deadLetters()).isZero();
    assertThat(monitor().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    assertThat(
            mhlw()
                .send(
                    mhlw()
                        .request("/api/admin/processors/" + PROCESSOR + "/dead-letters/" + eventId)
                        .DELETE())
                .status())
        .isEqualTo(404);
  }

  /**
   * A batch whose write the store refuses is not one event's fault: nothing is parked, the
   * processor shows as in error and retries the batch until the store takes it.
   */
  @Test
  void aBatchTheStoreRefuses_isRetriedWhole_showsAsError_andIsNotParked() {
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    Place place = world.registeredFacility(municipality);
    jdbc.execute("alter table access_denied rename to access_denied_away");
    try {
      publishView(place.facilityCode(), municipality, Instant.parse("2024-03-04T00:00:00Z"));
      eventually(
          "the access history in error",
          () ->
              "ERROR"
                  .equals(
                      monitor()
                          .get("/actuator/health")
                          .json()
                          .at("/components/eventProcessors/details/access-history/state")
                          .asText()));
      assertThat(monitor().get("/actuator/health").status()).isEqualTo(503);
      assertThat(deadLetters()).isZero();
    } finally {
      jdbc.execute("alter table access_denied_away rename to access_denied");
    }
    world.awaitAttempts(place.facilityCode(), 1);
    assertThat(deadLetters()).isZero();
    eventually(
        "the access history running again",
        () ->
            "RUNNING"
                .equals(
                    monitor()
                        .get("/actuator/health")
                        .json()
                        .at("/components/eventProcessors/details/access-history/state")
                        .asText()));
  }

  /** A denied view of the facility, appended straight to the store. */
  private void publishView(String facilityCode, String municipality, Instant at) {
    String viewId = UUID.randomUUID().toString();
    eventStore.publish(
        new GenericDomainEventMessage<>(
            MedicalInfoView.class.getSimpleName(),
            viewId,
            0,
            new MedicalInfoViewDenied(
                viewId,
                "d-denied",
                facilityCode,
                "dr-d",
                ViewerRole.DOCTOR,
                "1".repeat(32),
                List.of(InfoCategory.MEDICATION),
                null,
                null,
                null,
                CoveredBy.region(municipality, "d-notice"),
                List.of(DenialReason.CONSENT_MISSING),
                at)));
  }

  private JsonNode retry() {
    Api.Reply reply = mhlw().post("/api/admin/processors/" + PROCESSOR + "/dead-letters/retry", "");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  private String poisonEventIdentifier(String aggregateId) {
    return jdbc.queryForObject(
        "select eventidentifier from domainevententry where aggregateidentifier = ?",
        String.class,
        aggregateId);
  }

  private long positionOf(String aggregateId) {
    return jdbc.queryForObject(
        "select globalindex from domainevententry where aggregateidentifier = ?",
        Long.class,
        aggregateId);
  }

  private long attempts(HistoryWorld world, Place place) {
    return world
        .accesses(fund(), place.facilityCode(), "?limit=1")
        .at("/summary/attempts")
        .asLong();
  }

  /** The parked events of the access history, as the metric says. */
  private long deadLetters() {
    String text = monitor().get("/actuator/prometheus").text();
    Matcher m = GAUGE.matcher(text);
    assertThat(m.find()).as("ledger_dead_letters of %s in the scrape", PROCESSOR).isTrue();
    return (long) Double.parseDouble(m.group(1));
  }
}
