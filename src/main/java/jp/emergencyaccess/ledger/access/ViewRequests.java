package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.infra.Commands;
import jp.emergencyaccess.ledger.infra.GroupCommit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a lookup to be decided. Lookups that arrive together are decided together: each is its own
 * command on its own aggregate, but their events are appended and committed in one transaction
 * ({@link GroupCommit}).
 *
 * <p>A lookup with a {@code requestId} whose view id is already recorded is not decided again: it
 * goes to {@link RecallView}, which answers the recorded decision or refuses another request under
 * the same key. The store is asked first (the highest sequence number of the view id: one read of
 * its unique index) because an append that the unique key refuses has already drawn a global index
 * on H2 and PostgreSQL: every repeat would leave a gap that readers of the store (the integrity
 * chain, the event stream) wait out. Two requests that race past the read are still decided once:
 * the unique key refuses the second one's event, and it is recalled the same way.
 */
@Component
public class ViewRequests {
  private final GroupCommit groups;
  private final Commands commands;
  private final EventStore store;

  public ViewRequests(GroupCommit groups, Commands commands, EventStore store) {
    this.groups = groups;
    this.commands = commands;
    this.store = store;
  }

  public ViewOutcome decide(ViewMedicalInfo command) {
    if (command.requestId() != null && recorded(command.viewId())) {
      return commands.send(new RecallView(command));
    }
    try {
      return groups.send(command.viewId(), command);
    } catch (ConcurrencyException | AggregateStreamCreationException recorded) {
      return commands.send(new RecallView(command));
    }
  }

  private boolean recorded(String viewId) {
    return store.lastSequenceNumberFor(viewId).isPresent();
  }
}
