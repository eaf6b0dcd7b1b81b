package jp.emergencyaccess.ledger.infra;

import java.util.concurrent.TimeUnit;
import jp.emergencyaccess.ledger.common.CommandSender;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/**
 * The {@link CommandSender} on Axon's command gateway: waits for the result, never forever;
 * refusals come back as themselves.
 */
@Component
public class Commands implements CommandSender {
  private static final long TIMEOUT_SECONDS = 30;
  private final CommandGateway gateway;

  public Commands(CommandGateway gateway, CommandBus commandBus) {
    this.gateway = gateway;
    // Registered here because every command of the ledger goes through this class.
    commandBus.registerHandlerInterceptor(new RefusalTranslation());
  }

  @Override
  public <R> R send(Object command) {
    try {
      return gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (CommandExecutionException e) {
      throw RefusalTranslation.unwrap(e);
    }
  }
}
