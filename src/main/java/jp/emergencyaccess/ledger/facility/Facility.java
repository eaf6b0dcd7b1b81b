package jp.emergencyaccess.ledger.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.Period;
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
 * One medical institution or pharmacy: its registration, the decisions on its applications and its
 * individual activation. Lookups are deliberately not events of this aggregate, so its stream stays
 * short however busy it is. Decisions are made here (not on {@link Application}) so that an
 * approval and the activation it grants are recorded together; see {@link Application}.
 */
@Aggregate
public class Facility {
  @AggregateIdentifier private String facilityCode;
  private FacilityRegistered registration;
  private final IndividualPeriods periods = new IndividualPeriods();
  private final Map<String, ApplicationSummary.Status> decisions = new HashMap<>();

  protected Facility() {}

  /**
   * The same registration again (a client's retry) answers the recorded facility and records
   * nothing; other master data under a registered code is refused as FACILITY_ALREADY_REGISTERED.
   */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
  public Recorded handle(RegisterFacility command) {
    if (registration != null) {
      if (sameRegistration(registration, command)) {
        return Recorded.replayed(facilityCode);
      }
      throw new RuleViolation(
          "FACILITY_ALREADY_REGISTERED",
          "facility " + command.facilityCode() + " is already registered");
    }
    apply(registration(command));
    return Recorded.created(command.facilityCode());
  }

  private static boolean sameRegistration(FacilityRegistered first, RegisterFacility again) {
    return SameRequest.of("facility " + again.facilityCode(), "it")
        .field("kind", first.kind(), again.kind())
        .field("name", first.name(), again.name())
        .field("nameKana", first.nameKana(), again.nameKana())
        .field("postalCode", first.postalCode(), again.postalCode())
        .field("address", first.address(), again.address())
        .field("municipalityCode", first.municipalityCode(), again.municipalityCode())
        .field("phone", first.phone(), again.phone())
        .instant("at", first.at(), again.at(), again.atStated())
        .same();
  }

  /** The event a registration records (also appended directly by the bulk import). */
  static FacilityRegistered registration(RegisterFacility command) {
    return new FacilityRegistered(
        command.facilityCode(),
        command.kind(),
        command.name(),
        command.nameKana(),
        command.postalCode(),
        command.address(),
        command.municipalityCode(),
        command.phone(),
        command.at());
  }

  @CommandHandler
  public void handle(ApproveApplication command, ApplicationDirectory applications) {
    requireUndecided(command.applicationId(), command.at(), applications);
    IndividualPeriods.Grant grant = periods.grant(command.granted());
    Period granted = command.granted();
    apply(
        new ActivationApplicationApproved(
            command.applicationId(),
            facilityCode,
            granted.from(),
            granted.until(),
            command.decidedBy(),
            command.at()));
    if (grant.opensNewPeriod()) {
      apply(
          new FacilityActivated(
              facilityCode,
              granted.from(),
              granted.until(),
              command.applicationId(),
              command.at()));
    } else {
      apply(
          new FacilityActivationExtended(
              facilityCode,
              grant.extended().from(),
              grant.extended().until(),
              granted.until(),
              command.applicationId(),
              command.at()));
    }
  }

  @CommandHandler
  public void handle(RejectApplication command, ApplicationDirectory applications) {
    requireUndecided(command.applicationId(), command.at(), applications);
    apply(
        new ActivationApplicationRejected(
            command.applicationId(),
            facilityCode,
            command.reason(),
            command.decidedBy(),
            command.at()));
  }

  @CommandHandler
  public void handle(ExtendFacility command) {
    Period latest =
        periods
            .latest()
            .orElseThrow(
                () ->
                    new RuleViolation(
                        "FACILITY_NEVER_ACTIVATED",
                        "facility " + facilityCode + " has no individual period to extend"));
    if (decisions.get(command.applicationId()) != ApplicationSummary.Status.APPROVED) {
      throw new RuleViolation(
          "APPLICATION_NOT_APPROVED",
          "application "
              + command.applicationId()
              + " is not an approved application of facility "
              + facilityCode);
    }
    if (!command.until().isAfter(latest.until())) {
      throw new RuleViolation(
          "EXTENSION_NOT_LATER",
          "extension to "
              + command.until()
              + " is not later than the current last day "
              + latest.until());
    }
    apply(
        new FacilityActivationExtended(
            facilityCode,
            latest.from(),
            latest.until(),
            command.until(),
            command.applicationId(),
            command.at()));
  }

  /**
   * The application is this facility's, not decided yet, and submitted by {@code at}: a decision
   * cannot precede the submission it decides.
   */
  private void requireUndecided(
      String applicationId, Instant at, ApplicationDirectory applications) {
    Optional<ApplicationSummary> application =
        applications.find(applicationId).filter(a -> a.facilityCode().equals(facilityCode));
    if (application.isEmpty()) {
      throw new RuleViolation(
          "APPLICATION_UNKNOWN",
          "application " + applicationId + " is not an application of facility " + facilityCode);
    }
    ApplicationSummary.Status decided = decisions.get(applicationId);
    if (decided != null) {
      throw new RuleViolation(
          "APPLICATION_ALREADY_DECIDED",
          "application " + applicationId + " was already " + decided.name().toLowerCase());
    }
    Instant submitted = application.get().form().at();
    if (at.isBefore(submitted)) {
      throw new RuleViolation(
          "DECISION_BEFORE_SUBMISSION",
          "application "
              + applicationId
              + " was submitted at "
              + JapanTime.render(submitted)
              + "; it cannot be decided earlier");
    }
  }

  @EventSourcingHandler
  void on(FacilityRegistered event) {
    facilityCode = event.facilityCode();
    registration = event;
  }

  @EventSourcingHandler
  void on(ActivationApplicationApproved event) {
    decisions.put(event.applicationId(), ApplicationSummary.Status.APPROVED);
  }

  @EventSourcingHandler
  void on(ActivationApplicationRejected event) {
    decisions.put(event.applicationId(), ApplicationSummary.Status.REJECTED);
  }

  @EventSourcingHandler
  void on(FacilityActivated event) {
    periods.add(new Period(event.from(), event.until()));
  }

  @EventSourcingHandler
  void on(FacilityActivationExtended event) {
    periods.extend(event.from(), event.until());
  }
}
