package jp.emergencyaccess.ledger.infra;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import jp.emergencyaccess.ledger.common.ReplayedReadModel;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models that are written in the command's transaction (the subscribing
 * processors: notices, activation-log, facilities, applications, consents, inquiries) from the
 * event store, all or nothing: each handler's {@code @ResetHandler} empties its tables, then every
 * stored event is handed to every such processor in global order, and all of it commits in one
 * transaction. A failure rolls it back: the tables are as they were. Run it with the ledger stopped
 * ({@code java -jar … rebuild}): events recorded meanwhile would be missed.
 *
 * <p>Before it starts it commits a mark ({@link RebuildMarker}) that its own transaction deletes;
 * if the process is cut off, the mark stays and the ledger refuses to start until a rebuild has
 * finished ({@link ReadModelGuard}).
 */
@Component
public class ProjectionRebuild {
  private static final int PROGRESS_EVERY = 1_000;
  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TransactionTemplate transactions;
  private final RebuildMarker marker;
  private final Clock clock;
  private final List<ReplayedReadModel> replayed;

  public ProjectionRebuild(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TransactionTemplate transactions,
      RebuildMarker marker,
      Clock clock,
      List<ReplayedReadModel> replayed) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.transactions = transactions;
    this.marker = marker;
    this.clock = clock;
    this.replayed = replayed;
  }

  /** A handler class of a subscribing processor that has no {@code @ResetHandler}. */
  public static final class NotResettable extends IllegalStateException {
    NotResettable(String message) {
      super(message);
    }
  }

  /** Returns how many events were replayed; throws, with nothing changed, when it failed. */
  public long rebuildSubscribing(PrintStream progress) {
    Map<String, EventHandlerInvoker> invokers = subscribing();
    refuseUnresettable(invokers);
    List<EventHandlerInvoker> all = List.copyOf(invokers.values());
    TrackingToken headToken = eventStore.createHeadToken();
    Long head =
        headToken == null || headToken.position().isEmpty()
            ? null
            : headToken.position().getAsLong();
    progress.println(
        "rebuilding "
            + String.join(", ", invokers.keySet())
            + " from the store (head position "
            + (head == null ? "none" : head)
            + ") in one transaction");
    transactions.executeWithoutResult(t -> marker.mark(clock.instant(), head));
    long start = System.nanoTime();
    Replay replay = new Replay();
    try {
      transactions.executeWithoutResult(
          t -> {
            all.forEach(EventHandlerInvoker::performReset);
            replayAll(all, replay, head, start, progress);
            replayed.forEach(ReplayedReadModel::replayed);
            marker.clear();
          });
    } catch (RuntimeException e) {
      try {
        transactions.executeWithoutResult(t -> marker.clear());
      } catch (RuntimeException cleared) {
        // The mark stays, and with it the ledger's refusal to start: safe, and the failure shown
        // below is the one that matters.
        e.addSuppressed(cleared);
      }
      String where =
          replay.current != null
              ? "at event " + (replay.count + 1) + " (" + replay.current + ")"
              : replay.count == 0 ? "before the first event" : "after the last event";
      progress.println(
          "rebuild FAILED "
              + where
              + ": "
              + NestedExceptionUtils.getMostSpecificCause(e).getMessage()
              + "; rolled back, the read models are as they were before");
      throw e;
    }
    progress.printf(
        "done: %d events replayed in %.1f s, committed%n", replay.count, seconds(start));
    return replay.count;
  }

  private static final class Replay {
    long count;
    String current;
  }

  private void replayAll(
      List<EventHandlerInvoker> invokers, Replay replay, Long head, long start, PrintStream out) {
    try (var stream = eventStore.openStream(null)) {
      while (stream.hasNextAvailable()) {
        TrackedEventMessage<?> event = stream.nextAvailable();
        replay.current =
            event.getPayloadType().getSimpleName()
                + " at position "
                + event.trackingToken().position().orElse(-1);
        for (EventHandlerInvoker invoker : invokers) {
          handle(invoker, event);
        }
        replay.count++;
        if (replay.count % PROGRESS_EVERY == 0) {
          out.printf(
              "  %d events replayed (position %d of %s), %.1f s%n",
              replay.count,
              event.trackingToken().position().orElse(-1),
              head == null ? "?" : head,
              seconds(start));
        }
      }
      replay.current = null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rebuild interrupted", e);
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private Map<String, EventHandlerInvoker> subscribing() {
    Map<String, EventHandlerInvoker> invokers = new LinkedHashMap<>();
    processing.eventProcessors().values().stream()
        .filter(SubscribingEventProcessor.class::isInstance)
        .map(SubscribingEventProcessor.class::cast)
        .sorted(java.util.Comparator.comparing(SubscribingEventProcessor::getName))
        .forEach(p -> invokers.put(p.getName(), p.eventHandlerInvoker()));
    return invokers;
  }

  /**
   * Axon's {@code supportsReset} is true for a handler without a {@code @ResetHandler} (it only
   * looks for {@code @DisallowReplay}); such a handler would replay on top of its old rows, so the
   * rebuild refuses before it changes anything.
   */
  private static void refuseUnresettable(Map<String, EventHandlerInvoker> invokers) {
    TreeSet<String> missing = new TreeSet<>();
    invokers.forEach(
        (name, invoker) ->
            handlerTypes(invoker).stream()
                .filter(type -> !hasResetHandler(type))
                .forEach(type -> missing.add(name + ": " + type.getName())));
    if (!missing.isEmpty()) {
      throw new NotResettable(
          "these read models have no @ResetHandler, so a rebuild cannot empty them: "
              + String.join(", ", missing));
    }
  }

  static List<Class<?>> handlerTypes(EventHandlerInvoker invoker) {
    List<Class<?>> types = new ArrayList<>();
    if (invoker instanceof MultiEventHandlerInvoker multi) {
      multi.delegates().forEach(d -> types.addAll(handlerTypes(d)));
    } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
      for (EventMessageHandler handler : simple.eventHandlers()) {
        types.add(handler.getTargetType());
      }
    } else {
      throw new NotResettable("cannot inspect the handlers of " + invoker.getClass().getName());
    }
    return types;
  }

  static boolean hasResetHandler(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(ResetHandler.class)) {
          return true;
        }
      }
    }
    return false;
  }

  private static void handle(EventHandlerInvoker invoker, TrackedEventMessage<?> event) {
    if (!invoker.canHandle(event, Segment.ROOT_SEGMENT)) {
      return;
    }
    DefaultUnitOfWork.startAndGet(event)
        .execute(
            () -> {
              try {
                invoker.handle(event, Segment.ROOT_SEGMENT);
              } catch (Exception e) {
                throw new IllegalStateException("replaying " + event.getPayloadType(), e);
              }
            });
  }
}
