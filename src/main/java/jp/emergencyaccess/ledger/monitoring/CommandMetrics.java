package jp.emergencyaccess.ledger.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.Refusal;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * {@code ledger_commands_total{command,outcome}}: every command handled, by its simple class name
 * and outcome — {@code success} (committed), {@code rejected} (a broken rule, bad input, an unknown
 * target, a lost race or a lookup already recorded: the caller gets a 4xx, or the recorded answer)
 * or {@code error} (anything else). Counted when the unit of work ends, so a failure at commit
 * counts too. A command of a group that failed is not counted there, whether it failed itself or
 * was rolled back with the others: {@code GroupCommit} sends each again alone, where it is counted
 * (the ledger nests commands only in groups). Axon's Spring Boot support registers this bean with
 * the command bus.
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {
  private final MeterRegistry meters;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  CommandMetrics(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
    unitOfWork.onCleanup(
        u -> {
          if (u.isRolledBack() && !u.isRoot()) {
            return;
          }
          Throwable failure =
              u.isRolledBack()
                      && u.getExecutionResult() != null
                      && u.getExecutionResult().isExceptionResult()
                  ? u.getExecutionResult().getExceptionResult()
                  : null;
          String outcome = !u.isRolledBack() ? "success" : rejected(failure) ? "rejected" : "error";
          counter(command, outcome).increment();
        });
    return chain.proceed();
  }

  private Counter counter(String command, String outcome) {
    return counters.computeIfAbsent(
        command + ' ' + outcome,
        key ->
            Counter.builder("ledger.commands")
                .description("commands handled, by outcome")
                .tag("command", command)
                .tag("outcome", outcome)
                .register(meters));
  }

  static boolean rejected(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof CommandExecutionException e
          && e.getDetails().filter(Refusal.class::isInstance).isPresent()) {
        return true;
      }
      if (t instanceof RuleViolation
          || t instanceof InvalidField
          || t instanceof NotFound
          || t instanceof AggregateNotFoundException
          || t instanceof ConflictingModificationException
          || t instanceof ConcurrencyException
          || t instanceof AggregateStreamCreationException
          || t instanceof DuplicateKeyException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
