package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The node's health as a metric, so an alert can fire on it: {@code ledger_health_status{status}},
 * 1 for the status {@code /actuator/health} answers now and 0 for the others (UP, DEGRADED,
 * OUT_OF_SERVICE, DOWN, UNKNOWN). The health is evaluated at the scrape; within one second the
 * gauges of one scrape share one evaluation instead of running the checks once per status.
 */
@Component
class HealthMetrics {
  static final List<String> STATUSES =
      List.of("UP", "DEGRADED", "OUT_OF_SERVICE", "DOWN", "UNKNOWN");
  private static final long MAX_AGE_NANOS = 1_000_000_000L;

  private final HealthEndpoint health;
  private final MeterRegistry meters;
  private long readAt;
  private String current;

  HealthMetrics(HealthEndpoint health, MeterRegistry meters) {
    this.health = health;
    this.meters = meters;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerGauges() {
    for (String status : STATUSES) {
      Gauge.builder("ledger.health.status", this, h -> status.equals(h.current()) ? 1 : 0)
          .description("1 for the status the node's health answers now, 0 for the others")
          .tag("status", status)
          .register(meters);
    }
  }

  synchronized String current() {
    long now = System.nanoTime();
    if (current == null || now - readAt > MAX_AGE_NANOS) {
      Status status = health.health().getStatus();
      current = STATUSES.contains(status.getCode()) ? status.getCode() : "UNKNOWN";
      readAt = now;
    }
    return current;
  }
}
