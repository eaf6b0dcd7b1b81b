package jp.emergencyaccess.ledger.infra;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets live events gather into batches for the named tracking processors: after a batch of fewer
 * than {@code ledger.processors.linger-below} events commits, the processor waits {@code
 * ledger.processors.linger} before it reads again.
 *
 * <p>A tracking processor pays a unit of work, a transaction, a token update and its batch's fixed
 * queries per batch. While it keeps up with live traffic each batch holds the one or two events
 * that arrived since the last, so that cost is paid per event. Waiting a moment between small
 * batches makes them bigger; the price is that these read models trail the store by up to the
 * linger more. A big batch (catching up) never waits. Subscribing processors are never named here:
 * they run inside commands, whose answers must not wait.
 */
@Configuration(proxyBeanMethods = false)
class BatchLinger {

  @Bean
  ConfigurerModule lingerBetweenSmallBatches(
      @Value("${ledger.processors.linger}") Duration linger,
      @Value("${ledger.processors.linger-below}") int below,
      @Value("${ledger.processors.linger-names}") List<String> names) {
    return configurer ->
        configurer.eventProcessing(
            processing -> {
              if (!linger.isZero()) {
                for (String name : names) {
                  processing.registerHandlerInterceptor(
                      name, c -> new Linger(linger, below, BatchLinger::sleep));
                }
              }
            });
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Registers, once per batch that handles anything, a wait after a small batch commits. */
  record Linger(Duration linger, int below, Consumer<Duration> pause)
      implements MessageHandlerInterceptor<EventMessage<?>> {
    private static final String KEY = Linger.class.getName();

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
        batch.getOrComputeResource(
            KEY,
            key -> {
              batch.afterCommit(u -> pauseIfSmall(batch));
              return Boolean.TRUE;
            });
      }
      return chain.proceed();
    }

    private void pauseIfSmall(BatchingUnitOfWork<?> batch) {
      if (batch.getMessages().size() < below) {
        pause.accept(linger);
      }
    }
  }
}
