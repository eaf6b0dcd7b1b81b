package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.common.Refusal;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Turns a refused command into a {@link CommandExecutionException} carrying a {@link Refusal}, so
 * the caller gets the same 400/404/409 whether the command ran in this JVM or through Axon Server.
 */
class RefusalTranslation implements MessageHandlerInterceptor<CommandMessage<?>> {
  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    try {
      return chain.proceed();
    } catch (RuntimeException e) {
      Refusal refusal = Refusal.of(e);
      if (refusal == null) {
        throw e;
      }
      throw new CommandExecutionException(refusal.message(), null, refusal);
    }
  }

  /** The refusal inside a failed command's exception, if it was one. */
  static RuntimeException unwrap(CommandExecutionException e) {
    return e.getDetails()
        .filter(Refusal.class::isInstance)
        .map(d -> ((Refusal) d).toException())
        .orElse(e);
  }
}
