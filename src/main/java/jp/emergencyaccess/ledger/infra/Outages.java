package jp.emergencyaccess.ledger.infra;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a failed request met a store that is unavailable (answered 503, may be sent again): the
 * JDBC store or Axon Server by the failure itself ({@link StoreFailures}), or a failure in Axon's
 * machinery while the connection to Axon Server is down ({@link AxonServerLink}), for the failures
 * of a lost connection that say nothing of it.
 */
@Component
public class Outages {
  private final ObjectProvider<AxonServerLink> axonServer;

  Outages(ObjectProvider<AxonServerLink> axonServer) {
    this.axonServer = axonServer;
  }

  public boolean unavailable(Throwable failure) {
    if (StoreFailures.unavailable(failure)) {
      return true;
    }
    AxonServerLink link = axonServer.getIfAvailable();
    return link != null && fromAxon(failure) && !link.connected();
  }

  private static boolean fromAxon(Throwable failure) {
    for (Throwable t = failure, seen = null; t != null && t != seen; seen = t, t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.startsWith("org.axonframework.")
          || name.startsWith("io.axoniq.")
          || name.startsWith("io.grpc.")) {
        return true;
      }
    }
    return false;
  }
}
