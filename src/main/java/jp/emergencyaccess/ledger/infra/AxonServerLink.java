package jp.emergencyaccess.ledger.infra;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@code axonserver} profile's connection to Axon Server, as the connector sees it now. Some
 * failures of a lost connection carry no status of their own (a tracking stream that was closed
 * under its reader says only that), so they are read against this.
 */
@Component
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
public class AxonServerLink {
  private final AxonServerConnectionManager connections;
  private final AxonServerConfiguration configuration;

  AxonServerLink(AxonServerConnectionManager connections, AxonServerConfiguration configuration) {
    this.connections = connections;
    this.configuration = configuration;
  }

  /** Whether the connection of the ledger's context is up now. */
  public boolean connected() {
    return connections.isConnected(context());
  }

  public String context() {
    return connections.getDefaultContext();
  }

  public String servers() {
    return configuration.getServers();
  }
}
