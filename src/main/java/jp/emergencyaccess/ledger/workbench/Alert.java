package jp.emergencyaccess.ledger.workbench;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
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
  private AlertStatus status;
  private java.time.Instant raisedAt;

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

  @CommandHandler
  public void handle(TakeAlert command) {
    require(AlertStatus.NEW, "ALERT_NOT_NEW", command.at());
    apply(new AlertTaken(alertId, facilityCode, command.assignee(), command.by(), command.at()));
  }

  @CommandHandler
  public void handle(DismissAlert command) {
    require(AlertStatus.UNDER_REVIEW, "ALERT_NOT_UNDER_REVIEW", command.at());
    apply(
        new AlertDismissed(
            alertId,
            facilityCode,
            command.reason().name(),
            command.note(),
            command.by(),
            command.at()));
  }

  @CommandHandler
  public void handle(EscalateAlert command) {
    require(AlertStatus.UNDER_REVIEW, "ALERT_NOT_UNDER_REVIEW", command.at());
    apply(
        new AlertEscalated(alertId, facilityCode, command.inquiryId(), command.by(), command.at()));
  }

  /** A transition starts from its state, and never before the alert was raised. */
  private void require(AlertStatus from, String rule, java.time.Instant at) {
    if (status != from) {
      throw new RuleViolation(
          rule, "alert " + alertId + " is " + status + ", not " + from + "; nothing recorded");
    }
    if (at.isBefore(raisedAt)) {
      throw new RuleViolation(
          "TRIAGE_BEFORE_ALERT",
          "alert "
              + alertId
              + " was raised at "
              + JapanTime.render(raisedAt)
              + "; triage is later");
    }
  }

  @EventSourcingHandler
  void on(AlertRaised event) {
    alertId = event.alertId();
    facilityCode = event.facilityCode();
    status = AlertStatus.NEW;
    raisedAt = event.at();
  }

  @EventSourcingHandler
  void on(AlertTaken event) {
    status = AlertStatus.UNDER_REVIEW;
  }

  @EventSourcingHandler
  void on(AlertDismissed event) {
    status = AlertStatus.DISMISSED;
  }

  @EventSourcingHandler
  void on(AlertEscalated event) {
    status = AlertStatus.ESCALATED;
  }
}
