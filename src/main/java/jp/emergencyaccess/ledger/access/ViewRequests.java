package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.infra.Commands;
import jp.emergencyaccess.ledger.infra.GroupCommit;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a lookup to be decided. Lookups that arrive together are decided together: each is its own
 * command on its own aggregate, but their events are appended and committed in one transaction
 * ({@link GroupCommit}). A lookup whose view id is already recorded (the same request again, or two
 * racing on one node or two) is refused by the store's unique key; it is then answered with the
 * recorded decision ({@link RecallView}).
 */
@Component
public class ViewRequests {
  private final GroupCommit groups;
  private final Commands commands;

  public ViewRequests(GroupCommit groups, Commands commands) {
    this.groups = groups;
    this.commands = commands;
  }

  public ViewOutcome decide(ViewMedicalInfo command) {
    try {
      return groups.send(command.viewId(), command);
    } catch (ConcurrencyException | AggregateStreamCreationException recorded) {
      return commands.send(new RecallView(command.viewId()));
    }
  }
}
