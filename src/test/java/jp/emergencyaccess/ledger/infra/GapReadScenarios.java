package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The event store's tracked reads (EventStoreConfig): with gaps, the gaps and the next batch in
 * order; every event with the timestamp Axon itself reads from the stored text.
 */
abstract class GapReadScenarios extends HttpTest {
  @Autowired EventStorageEngine engine;

  record Marker(String id) {}

  @Test
  void aTokenWithGaps_readsTheGapsThenEverythingAfterIt_inOrder() {
    String run = UUID.randomUUID().toString();
    for (int i = 0; i < 5; i++) {
      engine.appendEvents(
          new GenericDomainEventMessage<>("Marker", run + i, 0, new Marker(run + "-" + i)));
    }
    List<Long> positions =
        jdbc.queryForList(
            "select globalindex from domainevententry where aggregateidentifier like ?"
                + " order by globalindex",
            Long.class,
            run + "%");
    assertThat(positions).hasSize(5);
    // A reader that has seen the third marker but not the first two (as if they committed late).
    var token =
        GapAwareTrackingToken.newInstance(
            positions.get(2), List.of(positions.get(0), positions.get(1)));

    List<String> read;
    try (var events = engine.readEvents(token, false)) {
      read =
          events
              .map(TrackedEventMessage::getPayload)
              .filter(p -> p instanceof Marker m && m.id().startsWith(run))
              .map(p -> ((Marker) p).id())
              .collect(Collectors.toList());
    }

    assertThat(read).containsExactly(run + "-0", run + "-1", run + "-3", run + "-4");
  }

  @Test
  void trackedEvents_carryTheTimestampAxonReadsFromTheStoredText() {
    String run = UUID.randomUUID().toString();
    List<Instant> instants =
        List.of(
            Instant.parse("2024-01-01T00:00:00Z"),
            Instant.parse("2024-02-29T23:59:59.999Z"),
            Instant.parse("2024-03-10T12:34:56.1Z"),
            Instant.parse("1999-12-31T15:00:00.123456789Z"),
            Instant.now());
    for (int i = 0; i < instants.size(); i++) {
      engine.appendEvents(
          new GenericDomainEventMessage<>(
              "Marker",
              run + i,
              0,
              new Marker(run + "-" + i),
              Map.of(),
              UUID.randomUUID().toString(),
              instants.get(i)));
    }
    long before =
        jdbc.queryForObject(
            "select min(globalindex) - 1 from domainevententry where aggregateidentifier like ?",
            Long.class,
            run + "%");
    Map<String, Instant> read = new HashMap<>();
    try (var events =
        engine.readEvents(GapAwareTrackingToken.newInstance(before, List.of()), false)) {
      events
          .filter(e -> e.getPayload() instanceof Marker m && m.id().startsWith(run))
          .forEach(e -> read.put(((Marker) e.getPayload()).id(), e.getTimestamp()));
    }

    assertThat(read).hasSize(instants.size());
    for (int i = 0; i < instants.size(); i++) {
      String stored =
          jdbc.queryForObject(
              "select timestamp from domainevententry where aggregateidentifier = ?",
              String.class,
              run + i);
      assertThat(read.get(run + "-" + i))
          .as(stored)
          .isEqualTo(DateTimeUtils.parseInstant(stored))
          .isEqualTo(instants.get(i).truncatedTo(ChronoUnit.MILLIS));
    }
  }
}
