package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.common.CommandSender;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Each lookup its own command through the command gateway (see {@link LookupDispatch}). */
@Component
@ConditionalOnProperty(name = "ledger.lookups.dispatch", havingValue = "direct")
class DirectLookups implements LookupDispatch {
  private final CommandSender commands;

  DirectLookups(CommandSender commands) {
    this.commands = commands;
  }

  @Override
  public ViewOutcome send(ViewMedicalInfo command) {
    return commands.send(command);
  }
}
