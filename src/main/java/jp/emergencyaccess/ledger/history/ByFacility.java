package jp.emergencyaccess.ledger.history;

import jp.emergencyaccess.ledger.access.LookupEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/**
 * The order that matters to a tracking processor's read models: a view event's facility (the
 * history and its flags are per facility), any other event's aggregate. An event the processor
 * cannot handle parks only its sequence in the {@link SequencedDeadLetterQueue}; the other
 * facilities' events go on. A payload that cannot be read is sequenced by its aggregate, and its
 * handler then fails on it and parks it.
 */
public final class ByFacility implements SequencingPolicy<EventMessage<?>> {
  public static final ByFacility INSTANCE = new ByFacility();

  private ByFacility() {}

  @Override
  public Object getSequenceIdentifierFor(EventMessage<?> event) {
    try {
      Object payload = event.getPayload();
      if (payload instanceof LookupEvent lookup && lookup.facilityCode() != null) {
        return lookup.facilityCode();
      }
    } catch (RuntimeException unreadable) {
      // Sequenced below; the handler meets the same error and dead-letters the event.
    }
    return event instanceof DomainEventMessage<?> domain
        ? domain.getAggregateIdentifier()
        : event.getIdentifier();
  }
}
