package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One open stream: its own reader on the event store (the embedded store serves readers near the
 * head from one shared cache), its own thread, its own order. Writes block on the client's socket:
 * a slow client only slows itself, holds no more than its socket buffers and the events held back
 * behind a missing position, and is dropped when a write fails or times out (the servlet
 * container's write timeout) or when it holds back too much. It reconnects with Last-Event-ID.
 *
 * <p>Whenever it has caught up, it sends a comment {@code at N}: every event up to position N has
 * been considered (sent, or left out by the filters).
 */
final class Subscriber implements Runnable {
  private static final Logger log = LoggerFactory.getLogger(Subscriber.class);
  private static final int DRAIN_AT_MOST = 512;
  private static final long WAITING_FOR_GAP_MILLIS = 50;

  private static final MediaType SSE_TEXT =
      new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

  private record Positioned(long position, TrackedEventMessage<?> message) {}

  private final StreamableMessageSource<TrackedEventMessage<?>> source;
  private final long after;
  private final StreamFilter.Matcher filter;
  private final SseEmitter emitter;
  private final Envelopes envelopes;
  private final GapPolicy gaps;
  private final StreamProperties properties;
  private final Runnable onEnd;
  private final Counter reordered;
  private volatile boolean closed;
  private volatile Thread thread;

  Subscriber(
      StreamableMessageSource<TrackedEventMessage<?>> source,
      long after,
      StreamFilter.Matcher filter,
      SseEmitter emitter,
      Envelopes envelopes,
      GapPolicy gaps,
      StreamProperties properties,
      Counter reordered,
      Runnable onEnd) {
    this.source = source;
    this.after = after;
    this.filter = filter;
    this.emitter = emitter;
    this.envelopes = envelopes;
    this.gaps = gaps;
    this.properties = properties;
    this.onEnd = onEnd;
    this.reordered = reordered;
    emitter.onCompletion(this::close);
    emitter.onTimeout(this::close);
    emitter.onError(e -> close());
  }

  void close() {
    closed = true;
    Thread running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    InOrder<Positioned> order = new InOrder<>(after);
    long keepAliveNanos = properties.getKeepAlive().toNanos();
    long lastWrite = System.nanoTime();
    long reported = after;
    long highest = after;
    TrackingToken previous = Positions.after(after, source);
    try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(previous)) {
      while (!closed) {
        long wait =
            order.held() > 0
                ? WAITING_FOR_GAP_MILLIS
                : Math.max(1, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(keepAliveNanos)));
        boolean available = stream.hasNextAvailable((int) wait, TimeUnit.MILLISECONDS);
        for (int n = 0; available && n < DRAIN_AT_MOST; n++) {
          TrackedEventMessage<?> message = stream.nextAvailable();
          long position = Positions.of(message, previous, gaps::positionOfEvent);
          previous = message.trackingToken();
          if (position < highest) {
            reordered.increment();
          }
          highest = Math.max(highest, position);
          order.offer(position, new Positioned(position, message));
          available = stream.hasNextAvailable();
        }
        // Everything released now goes out in one write and one flush.
        StringBuilder batch = new StringBuilder();
        for (Positioned next : order.release(gaps)) {
          Envelope event = envelopes.of(next.position(), next.message());
          if (filter.matches(event)) {
            batch.append("id:").append(event.position()).append('\n');
            batch.append("event:").append(event.type()).append('\n');
            batch.append("data:").append(event.json()).append("\n\n");
          }
        }
        if (!available && order.held() == 0 && order.cursor() != reported) {
          // Caught up: tell the client how far the stream has looked, matching or not.
          reported = order.cursor();
          batch.append(":at ").append(reported).append("\n\n");
        }
        if (!batch.isEmpty()) {
          emitter.send(Set.of(new DataWithMediaType(batch.toString(), SSE_TEXT)));
          lastWrite = System.nanoTime();
        }
        if (order.held() > properties.getMaxHeldBack()) {
          log.warn("dropping a subscriber holding back {} events", order.held());
          break;
        }
        if (System.nanoTime() - lastWrite > keepAliveNanos) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
          lastWrite = System.nanoTime();
        }
      }
    } catch (IOException e) {
      // The client went away; it may come back with Last-Event-ID.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      if (!closed) {
        log.warn("event stream subscriber failed", e);
      }
    } finally {
      closed = true;
      try {
        emitter.complete();
      } catch (RuntimeException ignored) {
        // already completed
      }
      onEnd.run();
    }
  }
}
