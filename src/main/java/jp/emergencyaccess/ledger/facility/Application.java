package jp.emergencyaccess.ledger.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import jp.emergencyaccess.ledger.common.Recorded;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.common.SameRequest;
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

  /**
   * Returns the application id. The same submission again returns it and records nothing; another
   * form under the same client id is refused as REQUEST_ID_REUSED ({@link SameRequest}).
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Recorded handle(SubmitApplication command, FacilityDirectory facilities) {
    if (submitted != null) {
      requireSameForm(submitted, command);
      return Recorded.replayed(applicationId);
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
    apply(command.toEvent());
    return Recorded.created(command.applicationId());
  }

  /** Everything the form says, and when it was sent if the retry says so. */
  private static void requireSameForm(
      ActivationApplicationSubmitted first, SubmitApplication again) {
    SameRequest.of(
            "clientId " + again.clientId() + " of facility " + again.facilityCode(),
            "application " + first.applicationId())
        .field("facilityCode", first.facilityCode(), again.facilityCode())
        .field("kind", first.kind(), again.kind())
        .field("name", first.name(), again.name())
        .field("nameKana", first.nameKana(), again.nameKana())
        .field("postalCode", first.postalCode(), again.postalCode())
        .field("address", first.address(), again.address())
        .field("phone", first.phone(), again.phone())
        .field("reason", first.reason(), again.reason())
        .field("requestedFrom", first.requestedFrom(), again.requested().from())
        .field("requestedUntil", first.requestedUntil(), again.requested().until())
        .field("attestations", first.attestations(), again.attestations())
        .field("applicant", first.applicant(), again.applicant())
        .field("submittedBy", first.submittedBy(), again.submittedBy())
        .instant("at", first.at(), again.at(), again.atStated())
        .orRefuse();
  }

  @EventSourcingHandler
  void on(ActivationApplicationSubmitted event) {
    applicationId = event.applicationId();
    submitted = event;
  }
}
