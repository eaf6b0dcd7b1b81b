package jp.emergencyaccess.ledger.infra;

import org.axonframework.actuator.axonserver.AxonServerHealthIndicator;
import org.axonframework.axonserver.connector.AxonServerConnectionManager;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code axonServer} in /actuator/health: DOWN, with the reason, while the ledger has no connection
 * to Axon Server (commands and the event store then answer 503). Takes the place of Axon's own
 * indicator of that name, which is UP until a connection of a context was once made and WARN (200)
 * for a context whose connection is lost while another one is up.
 */
@Component("axonServerHealthIndicator")
@ConditionalOnProperty(name = "axon.axonserver.enabled", havingValue = "true")
class AxonServerHealth extends AxonServerHealthIndicator {
  private final AxonServerLink link;

  AxonServerHealth(AxonServerConnectionManager connections, AxonServerLink link) {
    super(connections);
    this.link = link;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder.withDetail("context", link.context()).withDetail("servers", link.servers());
    if (link.connected()) {
      builder.up();
    } else {
      builder
          .down()
          .withDetail(
              "reason",
              "no connection to Axon Server at "
                  + link.servers()
                  + " for context "
                  + link.context()
                  + ": commands and the event store answer 503 until it is back");
    }
  }
}
