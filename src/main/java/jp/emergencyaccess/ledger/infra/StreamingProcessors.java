package jp.emergencyaccess.ledger.infra;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import jp.emergencyaccess.ledger.common.NotFound;
import jp.emergencyaccess.ledger.common.RuleViolation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * The read models fed by streaming (tracking or pooled) processors: how far each has read over the
 * whole cluster (the shared token store), and the reset that rebuilds one. A reset empties the
 * processor's tables (its {@code @ResetHandler}) and replays every stored event into it; the
 * answers are then the same as before. A reset needs every segment's claim: with several nodes it
 * is refused (409) while another node claims one.
 */
@Component
public class StreamingProcessors {
  private final EventProcessingConfiguration processing;
  private final SegmentClaims claims;
  private final EventStore store;
  private final ProcessorFailures failures;

  public StreamingProcessors(
      EventProcessingConfiguration processing,
      SegmentClaims claims,
      EventStore store,
      ProcessorFailures failures) {
    this.processing = processing;
    this.claims = claims;
    this.store = store;
    this.failures = failures;
  }

  /**
   * A processor's progress over the cluster. {@code segments}: every segment in the token store;
   * {@code segmentsHere}: those this node claims; {@code unclaimedSegments}: those no live node
   * claims (taken over within the claim timeout after a node died); {@code position}: the lowest
   * position over every segment; {@code caughtUp}: every segment claimed and that position at the
   * store's head; {@code error}: this node's processor is stopped by an error or its latest batch
   * failed.
   */
  public record Status(
      String name,
      int segments,
      int segmentsHere,
      List<Integer> unclaimedSegments,
      boolean replaying,
      boolean caughtUp,
      boolean error,
      Long position) {}

  public List<Status> all() {
    return processing.eventProcessors().values().stream()
        .filter(StreamingEventProcessor.class::isInstance)
        .map(p -> status((StreamingEventProcessor) p))
        .sorted(Comparator.comparing(Status::name))
        .toList();
  }

  public Status status(String name) {
    return status(streaming(name));
  }

  public Status reset(String name) {
    StreamingEventProcessor processor = streaming(name);
    if (!processor.supportsReset()) {
      throw new RuleViolation(
          "PROCESSOR_NOT_RESETTABLE", "processor " + name + " has no reset handler");
    }
    List<Integer> elsewhere = claims.of(processor).elsewhere();
    if (!elsewhere.isEmpty()) {
      throw claimedElsewhere(name, elsewhere);
    }
    processor.shutDown();
    try {
      processor.resetTokens();
    } catch (UnableToClaimTokenException claimedMeanwhile) {
      throw claimedElsewhere(name, claims.of(processor).elsewhere());
    } finally {
      // A failed reset rolls back (tokens and tables as before): the processor carries on.
      processor.start();
    }
    return status(processor);
  }

  /** A reset needs every segment's claim: the other nodes must not run the processor. */
  private static RuleViolation claimedElsewhere(String name, List<Integer> segments) {
    return new RuleViolation(
        "PROCESSOR_CLAIMED_ELSEWHERE",
        "segments "
            + segments
            + " of processor "
            + name
            + " are claimed by other nodes; stop the other nodes, reset on this one, then start"
            + " them again (docs/operations.md, several nodes)");
  }

  private StreamingEventProcessor streaming(String name) {
    EventProcessor processor =
        processing
            .eventProcessor(name)
            .orElseThrow(() -> new NotFound("no event processor is named " + name));
    if (!(processor instanceof StreamingEventProcessor streaming)) {
      throw new RuleViolation(
          "PROCESSOR_NOT_RESETTABLE",
          "processor "
              + name
              + " writes in the command's transaction (subscribing); rebuild it with the"
              + " ledger stopped: java -jar emergency-access-ledger.jar rebuild");
    }
    return streaming;
  }

  private Status status(StreamingEventProcessor p) {
    // The head first: a position read after it that reaches it has caught up with it.
    TrackingToken headToken = store.createHeadToken();
    long head = headToken == null ? -1 : headToken.position().orElse(-1);
    SegmentClaims.Claims held = claims.of(p);
    OptionalLong position = held.lowest();
    boolean error =
        p.isError()
            || p.processingStatus().values().stream().anyMatch(EventTrackerStatus::isErrorState)
            || failures.of(p.getName()).isPresent();
    return new Status(
        p.getName(),
        held.segments().size(),
        held.here().size(),
        held.unclaimed(),
        held.replaying(),
        !held.segments().isEmpty()
            && held.unclaimed().isEmpty()
            && position.isPresent()
            && position.getAsLong() >= head,
        error,
        position.isPresent() ? position.getAsLong() : null);
  }
}
