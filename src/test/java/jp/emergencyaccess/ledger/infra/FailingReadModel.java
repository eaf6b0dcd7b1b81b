package jp.emergencyaccess.ledger.infra;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * A handler of the subscribing processor {@code inquiries} that the rebuild scenarios add to the
 * {@code rebuild} task only: it throws at the N-th event it is handed ({@code
 * test.rebuild.fail-at-event}), or ends the JVM there without shutting down ({@code
 * test.rebuild.halt-at-event}, as {@code kill -9} would).
 */
@Component
@ProcessingGroup("inquiries")
@ConditionalOnExpression(
    "${test.rebuild.fail-at-event:0} > 0 or ${test.rebuild.halt-at-event:0} > 0")
class FailingReadModel {
  private final long failAt;
  private final long haltAt;
  private long seen;

  FailingReadModel(
      @Value("${test.rebuild.fail-at-event:0}") long failAt,
      @Value("${test.rebuild.halt-at-event:0}") long haltAt) {
    this.failAt = failAt;
    this.haltAt = haltAt;
  }

  @ResetHandler
  void reset() {
    seen = 0;
  }

  @EventHandler
  void on(Object event) {
    seen++;
    if (seen == haltAt) {
      System.out.println("halting at event " + seen);
      System.out.flush();
      Runtime.getRuntime().halt(137);
    }
    if (seen == failAt) {
      throw new IllegalStateException("injected failure at event " + seen);
    }
  }
}
