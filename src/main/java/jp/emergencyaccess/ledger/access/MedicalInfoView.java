package jp.emergencyaccess.ledger.access;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import java.util.Set;
import jp.emergencyaccess.ledger.common.SameRequest;
import jp.emergencyaccess.ledger.consent.ConsentBasis;
import jp.emergencyaccess.ledger.consent.ConsentSummary;
import jp.emergencyaccess.ledger.consent.Identification;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One lookup and its decision: a stream of exactly one event. This is the hot-path design.
 *
 * <ul>
 *   <li>Lookups are NOT events of a long-lived facility (or patient) aggregate: such a stream would
 *       grow with every lookup, cost more to load each time (or need snapshots) and serialise all
 *       lookups of a facility on one lock. Here each lookup is its own tiny aggregate, so a
 *       facility with a million recorded views decides as fast as one with ten, and lookups of one
 *       facility run in parallel.
 *   <li>The decision reads small read models that subscribing processors keep in the events' own
 *       transactions ({@link DecisionFactsReader}): facility directory, consent table, service
 *       status and the compact activation table. None of them grows with the number of lookups.
 *   <li>Idempotency: the aggregate id is derived from (facility, requestId) ({@link ViewIds}). A
 *       lookup always starts a new stream, without loading one: {@link ViewRequests} only asks the
 *       store whether the view id has an event (one indexed read, no aggregate load), and sends a
 *       recorded one to {@link RecallView} instead, which answers the stored decision or refuses
 *       another request under the same key. Two identical requests racing past that read are still
 *       decided once: the store's unique (aggregate, sequence) key lets only one first event of a
 *       view id in, on one node or many, and the refused one is recalled the same way.
 * </ul>
 */
@Aggregate
public class MedicalInfoView {
  @AggregateIdentifier private String viewId;
  private ViewOutcome outcome;

  protected MedicalInfoView() {}

  @CommandHandler
  @CreationPolicy(AggregateCreationPolicy.ALWAYS)
  public ViewOutcome handle(ViewMedicalInfo command, DecisionFacts decisionFacts) {
    ViewFacts facts = decisionFacts.gather(command);
    List<DenialReason> reasons =
        ViewPolicy.denialReasons(command.facilityCode(), command.patientRef(), command.at(), facts);
    ConsentSummary consent = facts.consent();
    ConsentBasis basis = consent == null ? null : consent.basis();
    Identification identification = consent == null ? null : consent.identification();
    if (reasons.isEmpty()) {
      apply(
          new MedicalInfoViewed(
              command.viewId(),
              command.requestId(),
              command.facilityCode(),
              command.viewerId(),
              command.viewerRole(),
              command.patientRef(),
              command.categories(),
              command.consentId(),
              basis,
              identification,
              facts.coveredBy(),
              command.at()));
    } else {
      apply(
          new MedicalInfoViewDenied(
              command.viewId(),
              command.requestId(),
              command.facilityCode(),
              command.viewerId(),
              command.viewerRole(),
              command.patientRef(),
              command.categories(),
              command.consentId(),
              basis,
              identification,
              facts.coveredBy(),
              reasons,
              command.at()));
    }
    return outcome;
  }

  /** The same request again is answered from the record; another one under its key is refused. */
  @CommandHandler
  public ViewOutcome handle(RecallView command) {
    ViewMedicalInfo again = command.again();
    Lookup recorded = outcome.lookup();
    SameRequest.of(
            "requestId " + again.requestId() + " of facility " + again.facilityCode(),
            "view " + viewId)
        .field("facilityCode", recorded.facilityCode(), again.facilityCode())
        .field("viewerId", recorded.viewerId(), again.viewerId())
        .field("viewerRole", recorded.viewerRole(), again.viewerRole())
        .field("patientId", recorded.patientRef(), again.patientRef())
        .field("categories", Set.copyOf(recorded.categories()), Set.copyOf(again.categories()))
        .field("consentId", recorded.consentId(), again.consentId())
        .instant("at", recorded.at(), again.at(), again.atStated())
        .orRefuse();
    return outcome.asReplay();
  }

  /** Either event of the lookup: the aggregate keeps the decision to answer a retry with. */
  @EventSourcingHandler
  void on(LookupEvent event) {
    viewId = event.viewId();
    outcome = ViewOutcome.of(event);
  }
}
