package jp.emergencyaccess.ledger.patientreport;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One request for a patient's report: a single event, with a fresh id per request, so recording it
 * never waits on another request. There is no rule to judge beyond the command's own shape.
 */
@Aggregate
public class ReportRequest {
  @AggregateIdentifier private String reportId;

  protected ReportRequest() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public String handle(RequestPatientAccessReport command) {
    apply(
        new PatientAccessReportRequested(
            command.reportId(),
            command.requestedBy(),
            command.requesterRole(),
            command.patientRef(),
            command.period().from(),
            command.period().to(),
            command.form(),
            command.at()));
    return command.reportId();
  }

  @EventSourcingHandler
  void on(PatientAccessReportRequested event) {
    reportId = event.reportId();
  }
}
