package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import jp.emergencyaccess.ledger.facility.FacilitySummary;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Opens event streams for monitoring clients. Each subscriber reads the store on its own thread, so
 * nothing is done for subscribers on the threads that handle commands.
 */
@Component
public class EventStream implements SmartLifecycle {
  private final EventStore store;
  private final Envelopes envelopes;
  private final GapPolicy gaps;
  private final FacilityDirectory facilities;
  private final StreamProperties properties;
  private final Set<Subscriber> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService readers =
      Executors.newCachedThreadPool(
          task -> {
            Thread thread = new Thread(task, "ledger-stream-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });
  private final Counter reordered;
  private volatile boolean running;

  EventStream(
      EventStore store,
      Envelopes envelopes,
      GapPolicy gaps,
      FacilityDirectory facilities,
      StreamProperties properties,
      MeterRegistry meters) {
    this.store = store;
    this.envelopes = envelopes;
    this.gaps = gaps;
    this.facilities = facilities;
    this.properties = properties;
    Gauge.builder("ledger.stream.subscribers", count, AtomicInteger::get)
        .description("open event streams")
        .register(meters);
    this.reordered =
        Counter.builder("ledger.stream.reordered.events")
            .description("events a subscriber received after a higher position (late commits)")
            .register(meters);
  }

  /** Thrown when the configured number of open streams is reached. */
  public static class TooManySubscribers extends RuntimeException {
    TooManySubscribers(int limit) {
      super("the stream already serves its limit of " + limit + " subscribers; try again later");
    }
  }

  /**
   * Streams the events after {@code after} (all of them for -1; from the current head when null)
   * that pass the filter, then the live ones.
   */
  public SseEmitter open(Long after, StreamFilter filter) {
    if (count.incrementAndGet() > properties.getMaxSubscribers()) {
      count.decrementAndGet();
      throw new TooManySubscribers(properties.getMaxSubscribers());
    }
    SseEmitter emitter = new SseEmitter(0L);
    try {
      long start = after != null ? after : Positions.head(store);
      Subscriber[] self = new Subscriber[1];
      self[0] =
          new Subscriber(
              store,
              start,
              filter.matcher(this::municipalityOf),
              emitter,
              envelopes,
              gaps,
              properties,
              reordered,
              () -> {
                open.remove(self[0]);
                count.decrementAndGet();
              });
      // The first write happens on the request thread (it commits the response and its headers
      // there); a reader thread writing first would race the container over the headers.
      emitter.send(SseEmitter.event().reconnectTime(3000).comment("stream after " + start));
      open.add(self[0]);
      readers.execute(self[0]);
    } catch (IOException | RuntimeException e) {
      count.decrementAndGet();
      throw e instanceof RuntimeException r ? r : new UncheckedIOException((IOException) e);
    }
    return emitter;
  }

  public int subscribers() {
    return count.get();
  }

  private String municipalityOf(String facilityCode) {
    return facilities.find(facilityCode).map(FacilitySummary::municipalityCode).orElse(null);
  }

  @Override
  public void start() {
    running = true;
  }

  @Override
  public void stop() {
    running = false;
    open.forEach(Subscriber::close);
    readers.shutdownNow();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Ends the streams first, so the web server and Axon can stop without waiting on them. */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }
}
