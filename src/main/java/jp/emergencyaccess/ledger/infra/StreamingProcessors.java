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
import org.springframework.stereotype.Component;

/**
 * The read models fed by streaming (tracking) processors: how far each has read, and the reset that
 * rebuilds one. A reset empties the processor's tables (its {@code @ResetHandler}) and replays
 * every stored event into it; the answers are then the same as before. With several nodes, stop the
 * processor on the others first: a reset needs every segment's claim.
 */
@Component
public class StreamingProcessors {
  private final EventProcessingConfiguration processing;

  public StreamingProcessors(EventProcessingConfiguration processing) {
    this.processing = processing;
  }

  /** A processor's progress: its lowest position over its segments. */
  public record Status(
      String name,
      int segments,
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
    processor.shutDown();
    try {
      processor.resetTokens();
    } finally {
      // A failed reset rolls back (tokens and tables as before): the processor carries on.
      processor.start();
    }
    return status(processor);
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

  private static Status status(StreamingEventProcessor p) {
    var statuses = p.processingStatus().values();
    OptionalLong position =
        statuses.stream()
            .map(EventTrackerStatus::getCurrentPosition)
            .filter(OptionalLong::isPresent)
            .mapToLong(OptionalLong::getAsLong)
            .min();
    return new Status(
        p.getName(),
        statuses.size(),
        statuses.stream().anyMatch(EventTrackerStatus::isReplaying),
        !statuses.isEmpty() && statuses.stream().allMatch(EventTrackerStatus::isCaughtUp),
        statuses.stream().anyMatch(EventTrackerStatus::isErrorState),
        position.isPresent() ? position.getAsLong() : null);
  }
}
