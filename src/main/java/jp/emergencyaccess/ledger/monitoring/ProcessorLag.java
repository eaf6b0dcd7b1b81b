package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import jp.emergencyaccess.ledger.infra.SegmentClaims;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * How far each tracking or pooled processor is behind the head of the store, in events, over all
 * its segments in the cluster (the shared token store), whichever node claims them: {@code
 * ledger_processor_lag_events{processor}}, the same on every node, also used by the processors'
 * health. The head is read at most once a second however many processors and scrapes ask.
 */
@Component
public class ProcessorLag {
  private static final long HEAD_MAX_AGE_NANOS = 1_000_000_000L;

  private final Configuration axon;
  private final EventStore store;
  private final MeterRegistry meters;
  private final SegmentClaims claims;
  private long headAt;
  private long head;

  ProcessorLag(Configuration axon, EventStore store, MeterRegistry meters, SegmentClaims claims) {
    this.axon = axon;
    this.store = store;
    this.meters = meters;
    this.claims = claims;
  }

  @EventListener(ApplicationReadyEvent.class)
  void registerGauges() {
    streaming()
        .forEach(
            (name, processor) ->
                Gauge.builder("ledger.processor.lag.events", this, lag -> lag.of(name))
                    .description("events between the head of the store and the processor's token")
                    .tag("processor", name)
                    .register(meters));
  }

  /** The tracking and pooled processors, by name. */
  public Map<String, StreamingEventProcessor> streaming() {
    Map<String, StreamingEventProcessor> found = new LinkedHashMap<>();
    for (EventProcessor processor :
        axon.eventProcessingConfiguration().eventProcessors().values()) {
      if (processor instanceof StreamingEventProcessor streaming) {
        found.put(processor.getName(), streaming);
      }
    }
    return found;
  }

  /**
   * Events between the head and the lowest position over every segment of the processor in the
   * cluster (whichever node claims it), NaN when a segment has no position yet or the store cannot
   * tell (it is unavailable: {@code eventStore} and {@code storeWrites} in the health say so, and
   * the health and the gauge must still answer).
   */
  public double of(String name) {
    StreamingEventProcessor processor = streaming().get(name);
    if (processor == null) {
      return Double.NaN;
    }
    try {
      return behind(claims.of(processor));
    } catch (RuntimeException storeUnavailable) {
      return Double.NaN;
    }
  }

  /** Events between the head and the lowest position of these segments. */
  double behind(SegmentClaims.Claims held) {
    OptionalLong lowest = held.lowest();
    if (lowest.isEmpty()) {
      return Double.NaN;
    }
    long head;
    try {
      head = head();
    } catch (RuntimeException storeUnavailable) {
      return Double.NaN;
    }
    return Math.max(0, head - lowest.getAsLong());
  }

  public synchronized long head() {
    long now = System.nanoTime();
    if (headAt == 0 || now - headAt > HEAD_MAX_AGE_NANOS) {
      head = Positions.head(store);
      headAt = now;
    }
    return head;
  }
}
