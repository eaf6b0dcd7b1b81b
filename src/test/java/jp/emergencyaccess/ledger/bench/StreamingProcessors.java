package jp.emergencyaccess.ledger.bench;

import static jp.emergencyaccess.ledger.bench.BenchmarkSuite.check;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;

/**
 * Axon's streaming processors: waiting until they have handled the store's head, and (3) the
 * access-history processor's catch-up, timed as a replay of the whole store. With several nodes a
 * processor's segments are claimed wherever they are: a processor has caught up when every one of
 * its segments, on whichever node, has handled the head.
 */
final class StreamingProcessors {
  static final String HISTORY_PROCESSOR = "access-history";
  private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(30);

  private final List<Configuration> nodes;
  private final EventCounts store;

  StreamingProcessors(List<Configuration> nodes, EventCounts store) {
    this.nodes = List.copyOf(nodes);
    this.store = store;
  }

  /** The first node's access-history processor. */
  Optional<StreamingEventProcessor> history() {
    return on(nodes.get(0), HISTORY_PROCESSOR);
  }

  private static Optional<StreamingEventProcessor> on(Configuration node, String name) {
    return node.eventProcessingConfiguration().eventProcessor(name, StreamingEventProcessor.class);
  }

  /**
   * Stops the access-history processor on every node, resets its tokens, starts it everywhere again
   * and times the replay of the whole store.
   */
  Optional<Double> catchUp() {
    Optional<StreamingEventProcessor> found = history();
    if (found.isEmpty() || !found.get().supportsReset()) {
      return Optional.empty();
    }
    long events = store.events();
    long head = store.head();
    List<StreamingEventProcessor> everywhere = everywhere(HISTORY_PROCESSOR);
    everywhere.forEach(StreamingEventProcessor::shutDown);
    found.get().resetTokens();
    long started = System.nanoTime();
    everywhere.forEach(StreamingEventProcessor::start);
    check(awaitCaughtUp(HISTORY_PROCESSOR, head), "the access-history processor did not catch up");
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
    var names = new TreeSet<String>();
    nodes
        .get(0)
        .eventProcessingConfiguration()
        .eventProcessors()
        .forEach(
            (name, processor) -> {
              if (processor instanceof StreamingEventProcessor && processor.isRunning()) {
                names.add(name);
              }
            });
    for (String name : names) {
      if (!awaitCaughtUp(name, head)) {
        lagging.append(" (").append(name).append(" still behind)");
      }
    }
    return lagging.toString();
  }

  private List<StreamingEventProcessor> everywhere(String name) {
    return nodes.stream().flatMap(node -> on(node, name).stream()).toList();
  }

  /**
   * Every segment of the processor, on whichever node claims it, is caught up at {@code head}; the
   * segments are counted from the first node's token store.
   */
  private boolean awaitCaughtUp(String name, long head) {
    List<StreamingEventProcessor> processors = everywhere(name);
    long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
    while (System.nanoTime() < deadline) {
      Map<Integer, EventTrackerStatus> status = new HashMap<>();
      processors.forEach(p -> status.putAll(p.processingStatus()));
      int segments = segments(name);
      if (!status.isEmpty()
          && status.size() >= segments
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

  private int segments(String name) {
    return nodes.get(0).eventProcessingConfiguration().tokenStore(name).fetchSegments(name).length;
  }
}
