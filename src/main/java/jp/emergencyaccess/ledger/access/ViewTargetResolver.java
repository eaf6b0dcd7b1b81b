package jp.emergencyaccess.ledger.access;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.springframework.stereotype.Component;

/**
 * The aggregate a command is for. A lookup's is its view id, read from the command directly; every
 * other command goes to Axon's default, which finds {@code @TargetAggregateIdentifier} and looks
 * for a version by reflection on each command (copying the class's methods every time), on the path
 * of every lookup (docs/overrides.md). Axon uses the application's one {@link
 * CommandTargetResolver} bean for every aggregate.
 */
@Component
class ViewTargetResolver implements CommandTargetResolver {
  private final CommandTargetResolver others = AnnotationCommandTargetResolver.builder().build();

  @Override
  public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
    if (command.getPayload() instanceof ViewMedicalInfo view) {
      return new VersionedAggregateIdentifier(view.viewId(), null);
    }
    if (command.getPayload() instanceof RecallView recall) {
      return new VersionedAggregateIdentifier(recall.viewId(), null);
    }
    return others.resolveTarget(command);
  }
}
