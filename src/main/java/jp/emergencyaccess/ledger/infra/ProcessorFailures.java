package jp.emergencyaccess.ledger.infra;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.ErrorContext;
import org.axonframework.eventhandling.ErrorHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Which of this node's event processors failed their latest batch, since when and why. A tracking
 * processor shows a failing segment in error only while it waits to retry, and a pooled one drops
 * the failed segment's status altogether and claims it again, so neither tells a processor that
 * fails every batch from a healthy one; this does. A failure is recorded where Axon hands it to the
 * processor's error handler (the batch rolled back; the error still propagates, and the batch is
 * retried), and cleared when a batch of that processor commits.
 */
@Configuration(proxyBeanMethods = false)
public class ProcessorFailures {
  private static final String CLEARS = ProcessorFailures.class.getName() + ".clears";

  /** The first failure of an unbroken run of failed batches, the latest cause and their count. */
  public record Failure(Instant since, String cause, long batches) {}

  private final Map<String, Failure> failing = new ConcurrentHashMap<>();
  private final Clock clock;

  ProcessorFailures(Clock clock) {
    this.clock = clock;
  }

  public Optional<Failure> of(String processor) {
    return Optional.ofNullable(failing.get(processor));
  }

  void failed(String processor, Throwable cause) {
    String text = cause.getClass().getSimpleName() + ": " + cause.getMessage();
    failing.merge(
        processor,
        new Failure(clock.instant(), text, 1),
        (old, now) -> new Failure(old.since(), text, old.batches() + 1));
  }

  void committed(String processor) {
    failing.remove(processor);
  }

  @Bean
  ConfigurerModule recordProcessorFailures() {
    return configurer ->
        configurer.eventProcessing(
            processing ->
                processing
                    .registerDefaultErrorHandler(c -> new Recording(this))
                    .registerDefaultHandlerInterceptor((c, name) -> new ClearOnCommit(this, name)));
  }

  /** Records the failure, then lets it propagate as Axon's default error handler does. */
  private record Recording(ProcessorFailures failures) implements ErrorHandler {
    @Override
    public void handleError(ErrorContext context) throws Exception {
      failures.failed(context.eventProcessor(), context.error());
      PropagatingErrorHandler.instance().handleError(context);
    }
  }

  /** Clears the processor's failure once its batch commits (one registration per batch). */
  private record ClearOnCommit(ProcessorFailures failures, String processor)
      implements MessageHandlerInterceptor<EventMessage<?>> {
    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain)
        throws Exception {
      UnitOfWork<?> root = unitOfWork.root();
      if (root.resources().putIfAbsent(CLEARS + processor, Boolean.TRUE) == null) {
        root.afterCommit(u -> failures.committed(processor));
      }
      return chain.proceed();
    }
  }
}
