package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import jp.emergencyaccess.ledger.access.MedicalInfoView;
import jp.emergencyaccess.ledger.history.AccessHistory;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.AnnotatedHandlerInspector;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.springboot.TimeoutProperties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Axon's per-handler timeouts are off (each invocation walked its thread's stack), and the
 * unit-of-work timeouts stay: the application's own handlers, as Axon enhances them, carry no
 * timeout wrapper.
 */
@OnH2
class HandlerTimeoutsOnH2Test extends HttpTest {
  @Autowired Configuration axon;
  @Autowired TimeoutProperties timeouts;

  @Test
  void theLookupsHandlersAndTheHistorysHandlers_areNotTimedOneByOne() throws Exception {
    // Axon's wrapper class is package-private.
    Class<?> timed =
        Class.forName("org.axonframework.messaging.timeout.TimeoutWrappedMessageHandlingMember");
    for (Class<?> type : List.of(MedicalInfoView.class, AccessHistory.class)) {
      List<MessageHandlingMember<? super Object>> handlers = handlers(type);
      assertThat(handlers).as(type.getSimpleName()).isNotEmpty();
      assertThat(handlers)
          .as(type.getSimpleName())
          .allSatisfy(h -> assertThat(h.unwrap(timed)).isEmpty());
    }
  }

  @Test
  void unitsOfWorkKeepTheirTimeouts() {
    assertThat(timeouts.isEnabled()).isTrue();
    assertThat(timeouts.getTransaction().getCommandBus().getTimeoutMs()).isPositive();
    assertThat(timeouts.getTransaction().getEventProcessors().getTimeoutMs()).isPositive();
  }

  @SuppressWarnings("unchecked")
  private List<MessageHandlingMember<? super Object>> handlers(Class<?> type) {
    AnnotatedHandlerInspector<Object> inspector =
        AnnotatedHandlerInspector.inspectType(
            (Class<Object>) type, axon.parameterResolverFactory(), axon.handlerDefinition(type));
    return inspector.getAllHandlers().values().stream().flatMap(s -> s.stream()).toList();
  }
}
