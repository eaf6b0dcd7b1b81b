package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The event store's read with gaps (EventStoreConfig): the gaps and the next batch, in order. */
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
}
