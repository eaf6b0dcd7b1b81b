package jp.emergencyaccess.ledger.stream;

import java.util.LinkedHashMap;
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
    Status status = Status.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (DeadLetters.Count count : deadLetters.counts()) {
      if (count.letters() > 0) {
        status = DEGRADED;
      }
      details.put(
          count.processor(), Map.of("letters", count.letters(), "sequences", count.sequences()));
    }
    return Health.status(status).withDetails(details).build();
  }
}
