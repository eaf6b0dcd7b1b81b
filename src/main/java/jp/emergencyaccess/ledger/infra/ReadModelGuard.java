package jp.emergencyaccess.ledger.infra;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;

/**
 * The ledger does not start on read models that a rebuild was replacing when it was cut off: it
 * would answer lookups from tables that the operator meant to replace. Only the server checks; the
 * {@code rebuild} task itself runs without a web server and is what clears the mark.
 */
@Component
@ConditionalOnWebApplication
class ReadModelGuard implements InitializingBean {
  private final RebuildMarker marker;

  ReadModelGuard(RebuildMarker marker) {
    this.marker = marker;
  }

  @Override
  public void afterPropertiesSet() {
    marker
        .find()
        .ifPresent(
            started -> {
              throw new IllegalStateException(
                  "the read models are not up to date with the event store: a rebuild started at "
                      + started.at()
                      + " did not finish. Run `java -jar emergency-access-ledger.jar rebuild`"
                      + " (same settings and profile as the server) and start the ledger after"
                      + " it printed \"done\".");
            });
  }
}
