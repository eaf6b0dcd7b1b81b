package jp.emergencyaccess.ledger.infra;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds the read models that are written in the command's transaction (subscribing processors)
 * from the event store: each one's {@code @ResetHandler} empties its tables, then every stored
 * event is handed to every such processor in global order, in batches of one transaction each. Run
 * it with the ledger stopped ({@code java -jar … rebuild}): events recorded meanwhile would be
 * missed.
 */
@Component
public class ProjectionRebuild {
  private static final int BATCH = 1_000;
  private final EventProcessingConfiguration processing;
  private final EventStore eventStore;
  private final TransactionTemplate transactions;

  public ProjectionRebuild(
      EventProcessingConfiguration processing,
      EventStore eventStore,
      TransactionTemplate transactions) {
    this.processing = processing;
    this.eventStore = eventStore;
    this.transactions = transactions;
  }

  /** Returns how many events were replayed. */
  public long rebuildSubscribing(PrintStream progress) {
    List<EventHandlerInvoker> invokers = new ArrayList<>();
    List<String> names = new ArrayList<>();
    processing.eventProcessors().values().stream()
        .filter(SubscribingEventProcessor.class::isInstance)
        .map(SubscribingEventProcessor.class::cast)
        .forEach(
            p -> {
              names.add(p.getName());
              invokers.add(p.eventHandlerInvoker());
            });
    progress.println("rebuilding " + String.join(", ", names));
    transactions.executeWithoutResult(t -> invokers.forEach(EventHandlerInvoker::performReset));

    long replayed = 0;
    try (var stream = eventStore.openStream(null)) {
      List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
      while (stream.hasNextAvailable()) {
        batch.add(stream.nextAvailable());
        if (batch.size() == BATCH) {
          replayed += apply(batch, invokers);
          progress.println("  " + replayed + " events replayed");
        }
      }
      replayed += apply(batch, invokers);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rebuild interrupted", e);
    }
    progress.println("done: " + replayed + " events replayed");
    return replayed;
  }

  private int apply(List<TrackedEventMessage<?>> batch, List<EventHandlerInvoker> invokers) {
    int size = batch.size();
    transactions.executeWithoutResult(
        t -> {
          for (EventMessage<?> event : batch) {
            for (EventHandlerInvoker invoker : invokers) {
              handle(invoker, event);
            }
          }
        });
    batch.clear();
    return size;
  }

  private static void handle(EventHandlerInvoker invoker, EventMessage<?> event) {
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
