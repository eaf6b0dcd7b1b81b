package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.infra.Commands;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Each lookup its own command through the command gateway (see {@link LookupDispatch}). */
@Component
@ConditionalOnProperty(name = "ledger.lookups.dispatch", havingValue = "direct")
class DirectLookups implements LookupDispatch {
  private final Commands commands;

  DirectLookups(Commands commands) {
    this.commands = commands;
  }

  @Override
  public ViewOutcome send(ViewMedicalInfo command) {
    return commands.send(command);
  }
}
