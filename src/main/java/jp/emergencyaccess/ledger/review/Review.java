package jp.emergencyaccess.ledger.review;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import jp.emergencyaccess.ledger.common.RuleViolation;
import jp.emergencyaccess.ledger.facility.FacilityDirectory;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One review record. It is never changed: a later look at the same facility and period is a review
 * of its own, so the ledger keeps every examination, not only the last.
 */
@Aggregate
public class Review {
  @AggregateIdentifier private String reviewId;

  protected Review() {}

  /** A review of a facility the ledger does not know would prove nothing about its logs. */
  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public String handle(RecordReview command, FacilityDirectory facilities) {
    if (facilities.find(command.facilityCode()).isEmpty()) {
      throw new RuleViolation(
          "FACILITY_NOT_REGISTERED", "facility " + command.facilityCode() + " is not registered");
    }
    apply(
        new ReviewRecorded(
            command.reviewId(),
            command.facilityCode(),
            command.from(),
            command.to(),
            command.finding().name(),
            command.note(),
            command.by(),
            command.role(),
            command.at()));
    return command.reviewId();
  }

  @EventSourcingHandler
  void on(ReviewRecorded event) {
    reviewId = event.reviewId();
  }
}
