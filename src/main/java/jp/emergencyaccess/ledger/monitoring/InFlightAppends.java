package jp.emergencyaccess.ledger.monitoring;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Knows which units of work of this node may still be about to commit events. The JDBC store hands
 * out global positions when a row is inserted, not when it commits, so a reader can see position 12
 * before 11: 11 is either still in flight or rolled back for good. A unit of work takes a ticket
 * when it first publishes an event and returns it when it is cleaned up (after its commit or
 * rollback). A gap seen by a reader at a moment when ticket {@code t} was the newest is settled
 * once every ticket up to {@code t} is returned: from then on the store's answer about that
 * position is final. Costs the command thread one counter increment and one set insertion per unit
 * of work.
 */
@Component
public class InFlightAppends {
  private static final String TICKET = InFlightAppends.class.getName() + ".ticket";

  private final AtomicLong issued = new AtomicLong();
  private final ConcurrentSkipListSet<Long> open = new ConcurrentSkipListSet<>();

  InFlightAppends(EventBus eventBus) {
    // Registered on the bus itself (not as a bean), so aggregates' events pass it once.
    MessageDispatchInterceptor<EventMessage<?>> interceptor = this::ticketFor;
    eventBus.registerDispatchInterceptor(interceptor);
  }

  BiFunction<Integer, EventMessage<?>, EventMessage<?>> ticketFor(
      List<? extends EventMessage<?>> messages) {
    if (!messages.isEmpty() && CurrentUnitOfWork.isStarted()) {
      UnitOfWork<?> root = CurrentUnitOfWork.get().root();
      root.getOrComputeResource(TICKET, key -> take(root));
    }
    return (index, message) -> message;
  }

  private Long take(UnitOfWork<?> unitOfWork) {
    long ticket = issued.incrementAndGet();
    open.add(ticket);
    unitOfWork.onCleanup(u -> open.remove(ticket));
    return ticket;
  }

  /** The newest ticket handed out so far. */
  public long mark() {
    return issued.get();
  }

  /** True once every unit of work that held a ticket up to {@code mark} has ended. */
  public boolean settled(long mark) {
    Long oldest = open.ceiling(Long.MIN_VALUE);
    return oldest == null || oldest > mark;
  }

  /** Units of work that published events and have not ended yet. */
  public int inFlight() {
    return open.size();
  }
}
