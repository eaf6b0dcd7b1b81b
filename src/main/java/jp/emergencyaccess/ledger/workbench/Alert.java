package jp.emergencyaccess.ledger.workbench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.Recorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One alert and its triage. Its id says what it is about ({@link AlertIds}), so the aggregate is
 * the deduplication: raising an alert that exists records nothing, whatever its state (a dismissed
 * alert stays dismissed when its window is judged again).
 */
@Aggregate
public class Alert {
  @AggregateIdentifier private String alertId;
  private String facilityCode;

  protected Alert() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Recorded handle(RaiseAlert command) {
    if (alertId != null) {
      return Recorded.replayed(alertId);
    }
    apply(
        new AlertRaised(
            command.alertId(),
            command.kind().name(),
            command.facilityCode(),
            command.day(),
            command.viewerId(),
            command.patientRef(),
            command.count(),
            command.threshold(),
            command.reasons(),
            command.at()));
    return Recorded.created(command.alertId());
  }

  @EventSourcingHandler
  void on(AlertRaised event) {
    alertId = event.alertId();
    facilityCode = event.facilityCode();
  }
}
