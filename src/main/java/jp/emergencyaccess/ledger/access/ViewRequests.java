package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.common.CommandSender;
import jp.emergencyaccess.ledger.common.Refusal;
import jp.emergencyaccess.ledger.common.StoreFailureKinds;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * Sends a lookup to be decided, through the {@link LookupDispatch} of the storage mode.
 *
 * <p>A lookup with a {@code requestId} whose view id is already recorded is not decided again: it
 * goes to {@link RecallView}, which answers the recorded decision or refuses another request under
 * the same key. The store is asked first (the highest sequence number of the view id: one read of
 * its unique index) because an append that the unique key refuses has already drawn a global index
 * on H2 and PostgreSQL: every repeat would leave a gap that readers of the store (the integrity
 * chain, the event stream) wait out.
 *
 * <p>Two requests that race past the read are still decided once: the store lets only one first
 * event of a view id in, and the other one is recalled the same way. The refusal of the second
 * event reaches this class in several shapes: a {@code ConcurrencyException} or {@code
 * AggregateStreamCreationException} from the JDBC store, Axon Server's error code for a taken
 * sequence number, or, from a command that Axon Server routed to a handler, a {@code
 * CommandExecutionException} that only carries the handler's messages. So a failed lookup that is
 * no refusal and no outage asks the store again: if its view id is recorded now, the recorded
 * decision is the answer.
 */
@Component
public class ViewRequests {
  private final LookupDispatch dispatch;
  private final CommandSender commands;
  private final EventStore store;
  private final StoreFailureKinds failures;

  public ViewRequests(
      LookupDispatch dispatch,
      CommandSender commands,
      EventStore store,
      StoreFailureKinds failures) {
    this.failures = failures;
    this.dispatch = dispatch;
    this.commands = commands;
    this.store = store;
  }

  public ViewOutcome decide(ViewMedicalInfo command) {
    if (command.requestId() != null && recorded(command.viewId())) {
      return commands.send(new RecallView(command));
    }
    try {
      return dispatch.send(command);
    } catch (RuntimeException failed) {
      if (command.requestId() == null || !recordedMeanwhile(command.viewId(), failed)) {
        throw failed;
      }
      return commands.send(new RecallView(command));
    }
  }

  /**
   * Whether the lookup failed because the same view id was recorded first. A refusal or an
   * unavailable store is answered as such; a failure of the second read is added to the first.
   */
  private boolean recordedMeanwhile(String viewId, RuntimeException failed) {
    if (Refusal.of(failed) != null || failures.unavailable(failed)) {
      return false;
    }
    if (failures.sequenceTaken(failed)) {
      return true;
    }
    try {
      return recorded(viewId);
    } catch (RuntimeException readFailed) {
      failed.addSuppressed(readFailed);
      return false;
    }
  }

  private boolean recorded(String viewId) {
    return store.lastSequenceNumberFor(viewId).isPresent();
  }
}
