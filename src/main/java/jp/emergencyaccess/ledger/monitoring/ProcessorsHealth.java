package jp.emergencyaccess.ledger.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.infra.ProcessorFailures;
import jp.emergencyaccess.ledger.infra.SegmentClaims;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code eventProcessors} in /actuator/health, for the whole cluster (the shared token store) as
 * far as it concerns this node: DOWN when one of this node's tracking or pooled processors is
 * stopped or in error (stopped by an error, a segment retrying a failed batch, or its latest batch
 * failed: {@link ProcessorFailures}); OUT_OF_SERVICE when a segment of a processor is claimed by no
 * live node (a node died and its claim has not yet timed out, or no node runs it) or the processor
 * is more than {@code ledger.stream.max-processor-lag} events behind the head. A node that holds no
 * segment of a processor that other nodes hold is in order. Each processor's state, reason,
 * segments (in the cluster, here, claimed by nobody) and lag are in the details; DOWN with the
 * reason when the token store cannot be read.
 */
@Component("eventProcessorsHealthIndicator")
class ProcessorsHealth implements HealthIndicator {
  private final ProcessorLag lag;
  private final SegmentClaims claims;
  private final ProcessorFailures failures;
  private final StreamProperties properties;

  ProcessorsHealth(
      ProcessorLag lag,
      SegmentClaims claims,
      ProcessorFailures failures,
      StreamProperties properties) {
    this.lag = lag;
    this.claims = claims;
    this.failures = failures;
    this.properties = properties;
  }

  @Override
  public Health health() {
    try {
      return judge();
    } catch (RuntimeException unreadable) {
      // The store (or the server holding it) is unavailable: nothing can vouch for the
      // processors, and the health must answer rather than fail.
      return Health.down()
          .withDetail("reason", "the token store cannot be read: " + unreadable.getMessage())
          .withDetail("maxLagEvents", properties.getMaxProcessorLag())
          .build();
    }
  }

  private Health judge() {
    Status status = Status.UP;
    Map<String, Object> details = new LinkedHashMap<>();
    for (Map.Entry<String, StreamingEventProcessor> entry : lag.streaming().entrySet()) {
      StreamingEventProcessor processor = entry.getValue();
      SegmentClaims.Claims held = claims.of(processor);
      double behind = lag.behind(held);
      Optional<ProcessorFailures.Failure> failure = failures.of(entry.getKey());
      String state;
      String reason = null;
      // A failing batch leaves a tracking segment in error while it waits to retry; a pooled
      // processor drops the segment's status instead, so the recorded failure is asked as well.
      if (processor.isError()
          || processor.processingStatus().values().stream()
              .anyMatch(EventTrackerStatus::isErrorState)
          || failure.isPresent()) {
        state = "ERROR";
        reason =
            failure
                .map(f -> f.batches() + " failed batches since " + f.since() + ": " + f.cause())
                .orElse("a segment failed and is being retried");
        status = Status.DOWN;
      } else if (!processor.isRunning()) {
        state = "STOPPED";
        reason = "not running on this node";
        status = Status.DOWN;
      } else if (held.segments().isEmpty() || !held.unclaimed().isEmpty()) {
        state = "UNCLAIMED";
        reason =
            held.segments().isEmpty()
                ? "no segment in the token store yet"
                : "segments "
                    + held.unclaimed()
                    + " are claimed by no live node; another takes them over once the claim times"
                    + " out";
        status = worse(status, Status.OUT_OF_SERVICE);
      } else if (behind > properties.getMaxProcessorLag()) {
        state = "LAGGING";
        reason = (long) behind + " events behind the head";
        status = worse(status, Status.OUT_OF_SERVICE);
      } else {
        state = "RUNNING";
      }
      Map<String, Object> one = new LinkedHashMap<>();
      one.put("state", state);
      if (reason != null) {
        one.put("reason", reason);
      }
      one.put("lagEvents", Double.isNaN(behind) ? null : (long) behind);
      one.put("segments", held.segments().size());
      one.put("segmentsHere", held.here().size());
      one.put("segmentsElsewhere", held.elsewhere().size());
      one.put("unclaimedSegments", held.unclaimed());
      details.put(entry.getKey(), one);
    }
    details.put("maxLagEvents", properties.getMaxProcessorLag());
    return Health.status(status).withDetails(details).build();
  }

  private static Status worse(Status current, Status candidate) {
    return current == Status.DOWN ? current : candidate;
  }
}
