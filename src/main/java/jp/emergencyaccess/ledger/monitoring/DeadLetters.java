package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.history.ByFacility;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The events the tracking processors parked in their dead-letter queues ({@link DeadLetterConfig}):
 * counted ({@code ledger_dead_letters{processor}} and the health), listed, retried in order, and
 * evicted one by one. Every count is read from the queue's table, so all nodes agree.
 */
@Component
public class DeadLetters {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);

  /** At most this many sequences, and letters of each, in a listing. */
  static final int MAX_LISTED = 100;

  private final EventProcessingConfiguration processing;
  private final TransactionManager transactions;
  private final MeterRegistry meters;
  private final List<String> names;

  DeadLetters(
      EventProcessingConfiguration processing,
      TransactionManager transactions,
      MeterRegistry meters,
      @Value("${ledger.processors.dead-letter-names}") List<String> names) {
    this.processing = processing;
    this.transactions = transactions;
    this.meters = meters;
    this.names = List.copyOf(names);
  }

  /** How many letters, in how many sequences (facilities), a processor has parked. */
  public record Count(String processor, long letters, long sequences) {}

  /** One parked event: where it belongs, what it is, and why it failed. */
  public record Letter(
      String eventIdentifier,
      String payloadType,
      String aggregateIdentifier,
      Instant enqueuedAt,
      Instant lastTouched,
      String causeType,
      String causeMessage) {}

  /**
   * A facility's (or aggregate's) parked events, oldest first; the first is the one that failed.
   */
  public record Sequence(String sequence, long size, List<Letter> letters) {}

  /** A retry: sequences handled to their end, and the letters still parked after it. */
  public record Retry(
      String processor, int sequencesRetried, int sequencesCleared, long remaining) {}

  @EventListener(ApplicationReadyEvent.class)
  void registerGauges() {
    for (String name : names) {
      Gauge.builder("ledger.dead.letters", this, d -> d.count(name).letters())
          .description("events a tracking processor could not handle, parked with their sequence")
          .tag("processor", name)
          .register(meters);
    }
  }

  public List<Count> counts() {
    return names.stream().filter(n -> queue(n).isPresent()).map(this::count).toList();
  }

  public Count count(String name) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = required(name);
    return new Count(name, queue.size(), queue.amountOfSequences());
  }

  public List<Sequence> sequences(String name) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = required(name);
    return transactions.fetchInTransaction(
        () -> {
          List<Sequence> found = new ArrayList<>();
          for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            if (found.size() == MAX_LISTED) {
              break;
            }
            List<Letter> letters = new ArrayList<>();
            Object id = null;
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
              id = id == null ? sequenceOf(letter) : id;
              if (letters.size() < MAX_LISTED) {
                letters.add(letter(letter));
              }
            }
            if (id != null) {
              found.add(new Sequence(id.toString(), queue.sequenceSize(id), letters));
            }
          }
          return found;
        });
  }

  /**
   * Hands every parked sequence to the processor's handlers again, in order: a sequence whose
   * events now all succeed leaves the queue (its rows are written as on the first pass); one that
   * fails again stays where it was, with the new cause.
   */
  public Retry retry(String name) {
    required(name);
    SequencedDeadLetterProcessor<EventMessage<?>> processor =
        processing
            .sequencedDeadLetterProcessor(name)
            .orElseThrow(() -> new NotFound("processor " + name + " has no dead-letter queue"));
    long sequences = count(name).sequences();
    int retried = 0;
    int cleared = 0;
    for (long i = 0; i < sequences; i++) {
      retried++;
      if (processor.processAny()) {
        cleared++;
      }
    }
    Count after = count(name);
    LOG.info(
        "retried {} dead-letter sequences of {}: {} cleared, {} letters remain",
        retried,
        name,
        cleared,
        after.letters());
    return new Retry(name, retried, cleared, after.letters());
  }

  /**
   * Removes one parked event from its sequence without handling it: the read model will never show
   * it (the event stays in the store and its chain). The facility's later events stay parked until
   * a retry.
   */
  public Letter evict(String name, String eventIdentifier) {
    SequencedDeadLetterQueue<EventMessage<?>> queue = required(name);
    return transactions.fetchInTransaction(
        () -> {
          for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
              if (letter.message().getIdentifier().equals(eventIdentifier)) {
                queue.evict(letter);
                LOG.warn(
                    "evicted event {} ({}) from the dead-letter queue of {}",
                    eventIdentifier,
                    letter.message().getPayloadType().getSimpleName(),
                    name);
                return letter(letter);
              }
            }
          }
          throw new NotFound("no dead letter of " + name + " holds event " + eventIdentifier);
        });
  }

  private SequencedDeadLetterQueue<EventMessage<?>> required(String name) {
    if (!names.contains(name)) {
      throw new NotFound("processor " + name + " has no dead-letter queue");
    }
    return queue(name)
        .orElseThrow(() -> new NotFound("processor " + name + " has no dead-letter queue"));
  }

  private Optional<SequencedDeadLetterQueue<EventMessage<?>>> queue(String name) {
    return processing.deadLetterQueue(name);
  }

  private static Object sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
    return ByFacility.INSTANCE.getSequenceIdentifierFor(letter.message());
  }

  private static Letter letter(DeadLetter<? extends EventMessage<?>> letter) {
    EventMessage<?> message = letter.message();
    Optional<Cause> cause = letter.cause();
    return new Letter(
        message.getIdentifier(),
        message.getPayloadType().getName(),
        message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null,
        letter.enqueuedAt(),
        letter.lastTouched(),
        cause.map(Cause::type).orElse(null),
        cause.map(Cause::message).orElse(null));
  }
}
