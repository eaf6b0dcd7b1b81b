package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Axon's streaming processors: waiting until they have handled the store's head, and (3) the
 * access-history processor's catch-up, timed as a replay of the whole store.
 */
final class StreamingProcessors {
  static final String HISTORY_PROCESSOR = "access-history";
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);

  private final Configuration axon;
  private final EventCounts store;

  StreamingProcessors(Configuration axon, EventCounts store) {
    this.axon = axon;
    this.store = store;
  }

  Optional<StreamingEventProcessor> history() {
    return axon.eventProcessingConfiguration()
        .eventProcessor(HISTORY_PROCESSOR, StreamingEventProcessor.class);
  }

  /** Resets the access-history processor's tokens and times the replay of the whole store. */
  Optional<Double> catchUp() {
    Optional<StreamingEventProcessor> found = history();
    if (found.isEmpty() || !found.get().supportsReset()) {
      return Optional.empty();
    }
    StreamingEventProcessor processor = found.get();
    long events = store.events();
    long head = store.head();
    processor.shutDown();
    processor.resetTokens();
    long started = System.nanoTime();
    processor.start();
    check(awaitCaughtUp(processor, head), "the access-history processor did not catch up");
    double rate = events / ((System.nanoTime() - started) / 1e9);
    System.out.printf(Locale.ROOT, "  catch-up of %,d events: %.0f events/s%n", events, rate);
    return Optional.of(rate);
  }

  /**
   * Waits until every running streaming processor has handled the store's head; returns what is
   * still behind, as " (name still behind)" each, or "".
   */
  String awaitAll() {
    long head = store.head();
    StringBuilder lagging = new StringBuilder();
    axon.eventProcessingConfiguration()
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor streaming
                  && processor.isRunning()
                  && !awaitCaughtUp(streaming, head)) {
                lagging.append(" (").append(name).append(" still behind)");
              }
            });
    return lagging.toString();
  }

  private static boolean awaitCaughtUp(StreamingEventProcessor processor, long head) {
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Map<Integer, EventTrackerStatus> status = processor.processingStatus();
      if (!status.isEmpty()
          && status.values().stream()
              .allMatch(s -> s.isCaughtUp() && s.getCurrentPosition().orElse(-1) >= head)) {
        return true;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }
}
