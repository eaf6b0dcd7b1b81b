package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.infra.Commands;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends a lookup to be decided. When two nodes race on the same request id, the store's unique key
 * refuses the second first event; sending again then loads the first decision and answers it.
 */
@Component
public class ViewRequests {
  private final Commands commands;

  public ViewRequests(Commands commands) {
    this.commands = commands;
  }

  public ViewOutcome decide(ViewMedicalInfo command) {
    try {
      return commands.send(command);
    } catch (ConcurrencyException | AggregateStreamCreationException raced) {
      return commands.send(command);
    }
  }
}
