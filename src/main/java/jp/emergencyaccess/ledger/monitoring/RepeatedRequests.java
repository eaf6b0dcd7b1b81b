package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.emergencyaccess.ledger.common.Refusal;
import jp.emergencyaccess.ledger.common.Replayable;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.common.SameRequest;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Makes the use of idempotency keys visible to auditors ({@link SameRequest}): {@code
 * ledger_requests_repeated_total{command,outcome}} counts every request sent again under a recorded
 * key, {@code replayed} (the same request: answered from the record) or {@code refused} (another
 * request: 409 REQUEST_ID_REUSED). A refusal also logs one WARN line, without a stack trace: the
 * command, the key, what it had recorded and the names of the fields that differ (never their
 * values, so no patient data). Counted when the unit of work ends, like {@link CommandMetrics}, so
 * a command rolled back with its group is counted once, when it is sent again alone. Axon's Spring
 * Boot support registers this bean with the command bus.
 */
@Component
class RepeatedRequests implements MessageHandlerInterceptor<CommandMessage<?>> {
  private static final Logger LOG = LoggerFactory.getLogger(RepeatedRequests.class);
  private final MeterRegistry meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  RepeatedRequests(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
    unitOfWork.onCleanup(
        u -> {
          if ((u.isRolledBack() && !u.isRoot()) || u.getExecutionResult() == null) {
            return;
          }
          if (u.getExecutionResult().isExceptionResult()) {
            String refused = reuseRefused(u.getExecutionResult().getExceptionResult());
            if (refused != null) {
              counter(command, "refused").increment();
              LOG.warn("{} refused ({}): {}", command, SameRequest.RULE, refused);
            }
          } else if (!u.isRolledBack() && replayed(u.getExecutionResult().getResult())) {
            counter(command, "replayed").increment();
          }
        });
    return chain.proceed();
  }

  private static boolean replayed(Object result) {
    Object payload = result instanceof ResultMessage<?> m ? m.getPayload() : result;
    return payload instanceof Replayable r && r.replayed();
  }

  /** The refusal's message if {@code failure} is a refused reuse of a key, else null. */
  private static String reuseRefused(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof RuleViolation v && SameRequest.RULE.equals(v.rule())) {
        return v.getMessage();
      }
      if (t instanceof CommandExecutionException e) {
        var refusal =
            e.getDetails()
                .filter(Refusal.class::isInstance)
                .map(Refusal.class::cast)
                .filter(r -> SameRequest.RULE.equals(r.rule()));
        if (refusal.isPresent()) {
          return refusal.get().message();
        }
      }
    }
    return null;
  }

  private Counter counter(String command, String outcome) {
    return counters.computeIfAbsent(
        command + ' ' + outcome,
        key ->
            Counter.builder("ledger.requests.repeated")
                .description("requests sent again under a recorded idempotency key, by outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(meters));
  }
}
