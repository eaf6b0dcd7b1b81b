package jp.emergencyaccess.ledger.monitoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code deadLetters} in /actuator/health: DEGRADED while a tracking processor holds parked events
 * (the read models miss those facilities' later events until a retry), with each processor's
 * letters and sequences in the details. DEGRADED answers 200, not 503: the ledger still records and
 * answers lookups, and a balancer must not take the node out for a read model's backlog.
 */
@Component("deadLettersHealthIndicator")
class DeadLettersHealth implements HealthIndicator {
  static final Status DEGRADED = new Status("DEGRADED", "events are parked in a dead-letter queue");

  private final DeadLetters deadLetters;

  DeadLettersHealth(DeadLetters deadLetters) {
    this.deadLetters = deadLetters;
  }

  @Override
  public Health health() {
    List<DeadLetters.Count> counts;
    try {
      counts = deadLetters.counts();
    } catch (RuntimeException storeFailed) {
      // The queue lives in the store: while the store is away, eventStore and storeWrites say so,
      // and the health must still answer rather than fail as a whole.
      return Health.unknown().withDetail("error", storeFailed.getClass().getSimpleName()).build();
    }
    Status status = Status.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (DeadLetters.Count count : counts) {
      if (count.letters() > 0) {
        status = DEGRADED;
      }
      details.put(
          count.processor(), Map.of("letters", count.letters(), "sequences", count.sequences()));
    }
    return Health.status(status).withDetails(details).build();
  }
}
