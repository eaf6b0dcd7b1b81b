package jp.emergencyaccess.ledger.monitoring;

import java.util.List;
import jp.emergencyaccess.ledger.history.ByFacility;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the tracking processors named in {@code ledger.processors.dead-letter-names} Axon's
 * sequenced dead-letter queue in the store ({@code deadletterentry}, its own migration), sequenced
 * {@link ByFacility}: an event whose handler fails is parked with the facility's later events
 * behind it, and the processor goes on with every other facility instead of retrying that event
 * forever. The parked events are counted in the health and a metric, listed, retried and evicted
 * through {@link DeadLetters}.
 *
 * <p>Only a handler's own failure is parked. A batch that fails as a whole (the access history
 * writes its rows when the batch commits) is rolled back and retried by the processor, as before:
 * that is the store failing, not one event, and it shows as the processor's error state.
 *
 * <p>A reset of the processor clears its queue: the replay meets the same events again and parks
 * the ones that still fail.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfig {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterConfig.class);

  /**
   * Axon's own policy (park, with the cause truncated to its column), said at WARN: Axon logs a
   * parked event only at debug level. The event's id, type and sequence, never its payload.
   */
  static EnqueueDecision<EventMessage<?>> parkAndSay(
      DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
    LOG.warn(
        "could not handle event {} ({}) of sequence {}: parked in the dead-letter queue with"
            + " the sequence's later events",
        letter.message().getIdentifier(),
        letter.message().getPayloadType().getSimpleName(),
        ByFacility.INSTANCE.getSequenceIdentifierFor(letter.message()),
        cause);
    return Decisions.enqueue(ThrowableCause.truncated(cause));
  }

  @Bean
  ConfigurerModule deadLetterQueues(
      @Value("${ledger.processors.dead-letter-names}") List<String> names,
      ObjectProvider<ConnectionProvider> connections,
      ObjectProvider<TransactionManager> transactions,
      @Qualifier("serializer") ObjectProvider<Serializer> serializer,
      @Qualifier("eventSerializer") ObjectProvider<Serializer> eventSerializer) {
    return configurer ->
        configurer.eventProcessing(
            processing -> {
              for (String name : names) {
                processing
                    .registerSequencingPolicy(name, c -> ByFacility.INSTANCE)
                    .registerDeadLetterQueue(
                        name,
                        c ->
                            JdbcSequencedDeadLetterQueue.builder()
                                .processingGroup(name)
                                .connectionProvider(connections.getObject())
                                .transactionManager(transactions.getObject())
                                .genericSerializer(serializer.getObject())
                                .eventSerializer(eventSerializer.getObject())
                                .build())
                    // The cache spares a look into the queue per event while it holds nothing
                    // of a facility; it is Axon's own, kept per segment by its owner.
                    .registerDeadLetterPolicy(name, c -> DeadLetterConfig::parkAndSay)
                    .registerDeadLetteringEventHandlerInvokerConfiguration(
                        name,
                        (c, builder) -> builder.enableSequenceIdentifierCache().allowReset(true));
              }
            });
  }
}
