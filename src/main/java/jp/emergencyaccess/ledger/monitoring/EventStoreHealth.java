package jp.emergencyaccess.ledger.monitoring;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code eventStore} in /actuator/health: the store answers for its head position. */
@Component("eventStoreHealthIndicator")
class EventStoreHealth implements HealthIndicator {
  private final EventStore store;

  EventStoreHealth(EventStore store) {
    this.store = store;
  }

  @Override
  public Health health() {
    long started = System.nanoTime();
    try {
      long head = Positions.head(store);
      return Health.up()
          .withDetail("headPosition", head)
          .withDetail("answeredInMillis", (System.nanoTime() - started) / 1_000_000)
          .build();
    } catch (RuntimeException e) {
      return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
    }
  }
}
