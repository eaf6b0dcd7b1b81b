package jp.emergencyaccess.ledger.stream;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code eventProcessors} in /actuator/health: DOWN when a tracking or pooled processor is stopped
 * or in error (itself, or a segment retrying a failed batch), OUT_OF_SERVICE when one is more than
 * {@code ledger.stream.max-processor-lag} events behind the head; each processor's state and lag in
 * the details (no lag while the store cannot tell its head).
 */
@Component("eventProcessorsHealthIndicator")
class ProcessorsHealth implements HealthIndicator {
  private final ProcessorLag lag;
  private final StreamProperties properties;

  ProcessorsHealth(ProcessorLag lag, StreamProperties properties) {
    this.lag = lag;
    this.properties = properties;
  }

  @Override
  public Health health() {
    Status status = Status.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, StreamingEventProcessor> entry : lag.streaming().entrySet()) {
      StreamingEventProcessor processor = entry.getValue();
      double behind = lag.of(entry.getKey());
      String state;
      // A failing batch leaves its segment in error while the processor retries it.
      if (processor.isError()
          || processor.processingStatus().values().stream()
              .anyMatch(EventTrackerStatus::isErrorState)) {
        state = "ERROR";
        status = Status.DOWN;
      } else if (!processor.isRunning()) {
        state = "STOPPED";
        status = Status.DOWN;
      } else if (behind > properties.getMaxProcessorLag()) {
        state = "LAGGING";
        if (status == Status.UP) {
          status = Status.OUT_OF_SERVICE;
        }
      } else {
        state = "RUNNING";
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("state", state);
      one.put("lagEvents", Double.isNaN(behind) ? null : (long) behind);
      details.put(entry.getKey(), one);
    }
    details.put("maxLagEvents", properties.getMaxProcessorLag());
    return Health.status(status).withDetails(details).build();
  }
}
