package jp.emergencyaccess.ledger.consent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.common.SameRequest;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One consent record: at most two events (recorded, withdrawn), so loading it is always cheap. A
 * repeated {@link RecordConsent} with the same (derived) id answers the first record if it states
 * the same facts, and is refused as REQUEST_ID_REUSED otherwise ({@link SameRequest}).
 */
@Aggregate
public class Consent {
  @AggregateIdentifier private String consentId;
  private ConsentRecorded recorded;
  private boolean withdrawn;

  protected Consent() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public ConsentReceipt handle(RecordConsent command) {
    if (recorded != null) {
      SameRequest.of("the requestId of facility " + command.facilityCode(), "consent " + consentId)
          .field("facilityCode", recorded.facilityCode(), command.facilityCode())
          .field("patientId", recorded.patientRef(), command.patientRef())
          .field("basis", recorded.basis(), command.basis())
          .field("identification", recorded.identification(), command.identification())
          .field("exemptionReason", recorded.exemptionReason(), command.exemptionReason())
          .field("recordedBy", recorded.recordedBy(), command.recordedBy())
          .instant("at", recorded.at(), command.at(), command.atStated())
          .orRefuse();
      return new ConsentReceipt(consentId, recorded.patientRef(), true);
    }
    apply(
        new ConsentRecorded(
            command.consentId(),
            command.facilityCode(),
            command.patientRef(),
            command.basis(),
            command.identification(),
            command.exemptionReason(),
            command.recordedBy(),
            command.at()));
    return new ConsentReceipt(command.consentId(), command.patientRef(), false);
  }

  @CommandHandler
  public void handle(WithdrawConsent command) {
    if (withdrawn) {
      throw new RuleViolation(
          "CONSENT_ALREADY_WITHDRAWN", "consent " + consentId + " is already withdrawn");
    }
    if (command.at().isBefore(recorded.at())) {
      throw new RuleViolation(
          "WITHDRAWAL_BEFORE_CONSENT",
          "withdrawal at "
              + JapanTime.render(command.at())
              + " is before the consent was recorded ("
              + JapanTime.render(recorded.at())
              + ")");
    }
    apply(
        new ConsentWithdrawn(
            consentId, recorded.facilityCode(), recorded.patientRef(), command.at()));
  }

  @EventSourcingHandler
  void on(ConsentRecorded event) {
    consentId = event.consentId();
    recorded = event;
  }

  @EventSourcingHandler
  void on(ConsentWithdrawn event) {
    withdrawn = true;
  }
}
