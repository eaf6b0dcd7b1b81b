package jp.emergencyaccess.ledger.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One medical institution or pharmacy: its registration and its individual activation. Lookups are
 * deliberately not events of this aggregate, so its stream stays short however busy it is.
 */
@Aggregate
public class Facility {
  @AggregateIdentifier private String facilityCode;
  private boolean registered;

  protected Facility() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public void handle(RegisterFacility command) {
    if (registered) {
      throw new RuleViolation(
          "FACILITY_ALREADY_REGISTERED",
          "facility " + command.facilityCode() + " is already registered");
    }
    apply(
        new FacilityRegistered(
            command.facilityCode(),
            command.kind(),
            command.name(),
            command.nameKana(),
            command.postalCode(),
            command.address(),
            command.municipalityCode(),
            command.phone(),
            command.at()));
  }

  @EventSourcingHandler
  void on(FacilityRegistered event) {
    facilityCode = event.facilityCode();
    registered = true;
  }
}
