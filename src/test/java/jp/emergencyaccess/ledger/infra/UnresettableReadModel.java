package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.notice.NoticeRegistered;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A read model of the subscribing processor {@code notices} without a {@code @ResetHandler}, added
 * to the {@code rebuild} task of the rebuild scenarios only ({@code test.rebuild.unresettable}):
 * the rebuild must refuse it before it changes anything.
 */
@Component
@ProcessingGroup("notices")
@ConditionalOnProperty("test.rebuild.unresettable")
class UnresettableReadModel {
  @EventHandler
  void on(NoticeRegistered event) {
    // a table this handler would fill, and that no reset would empty
  }
}
