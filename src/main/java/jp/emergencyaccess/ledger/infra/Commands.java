package jp.emergencyaccess.ledger.infra;

import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

/** Sends a command and waits for its result, never forever. */
@Component
public class Commands {
  private static final long TIMEOUT_SECONDS = 30;
  private final CommandGateway gateway;

  public Commands(CommandGateway gateway) {
    this.gateway = gateway;
  }

  public <R> R send(Object command) {
    return gateway.sendAndWait(command, TIMEOUT_SECONDS, TimeUnit.SECONDS);
  }
}
