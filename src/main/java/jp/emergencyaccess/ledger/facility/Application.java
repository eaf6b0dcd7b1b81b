package jp.emergencyaccess.ledger.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One application (申出, form 別添1), under its own id: it owns the submission and its idempotency.
 *
 * <p>The decision is deliberately not a command of this aggregate. Approving changes the facility's
 * individual periods, whose rules (a grant continues or overlaps a period already granted) live in
 * {@link Facility}; so approve and reject are commands on the facility, which records {@link
 * ActivationApplicationApproved} and {@link FacilityActivated} (or {@link
 * FacilityActivationExtended}) together, in one stream and one transaction. "Decided once" is then
 * guarded by the facility's own record of decided applications, under the same optimistic lock as
 * its periods: no saga, no window in which an approval is recorded without its activation.
 */
@Aggregate
public class Application {
  @AggregateIdentifier private String applicationId;
  private ActivationApplicationSubmitted submitted;

  protected Application() {}

  /** Returns the application id; the same submission again returns it and records nothing. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public String handle(SubmitApplication command, FacilityDirectory facilities) {
    ActivationApplicationSubmitted event = command.toEvent();
    if (submitted != null) {
      if (sameForm(submitted, event)) {
        return applicationId;
      }
      throw new RuleViolation(
          "CLIENT_ID_REUSED",
          "client id "
              + command.clientId()
              + " already named application "
              + applicationId
              + " with a different form");
    }
    List<String> notAttested = command.attestations().notAttested();
    if (!notAttested.isEmpty()) {
      throw new RuleViolation(
          "ATTESTATION_MISSING",
          "all three attestations must be true; not attested: " + String.join(", ", notAttested));
    }
    if (facilities.find(command.facilityCode()).isEmpty()) {
      throw new RuleViolation(
          "FACILITY_UNKNOWN", "facility " + command.facilityCode() + " is not registered");
    }
    apply(event);
    return command.applicationId();
  }

  /** Everything the form says, but not when it was sent. */
  private static boolean sameForm(
      ActivationApplicationSubmitted first, ActivationApplicationSubmitted again) {
    return first.equals(
        new ActivationApplicationSubmitted(
            again.applicationId(),
            again.facilityCode(),
            again.kind(),
            again.name(),
            again.nameKana(),
            again.postalCode(),
            again.address(),
            again.phone(),
            again.reason(),
            again.requestedFrom(),
            again.requestedUntil(),
            again.attestations(),
            again.applicant(),
            again.clientId(),
            again.submittedBy(),
            first.at()));
  }

  @EventSourcingHandler
  void on(ActivationApplicationSubmitted event) {
    applicationId = event.applicationId();
    submitted = event;
  }
}
