package jp.emergencyaccess.ledger.access;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A recorded view and its original decision, read from its own one-event stream (an indexed read by
 * aggregate id): nothing else is loaded to re-judge it.
 */
@Component
public class RecordedViews {
  private final EventStore events;

  public RecordedViews(EventStore events) {
    this.events = events;
  }

  /** A view as recorded: who looked, when, and what was decided then. */
  public record RecordedView(
      String viewId,
      String facilityCode,
      Instant at,
      boolean allowed,
      List<String> reasons,
      CoveredBy coveredBy) {}

  public Optional<RecordedView> find(String viewId) {
    try {
      UUID.fromString(viewId);
    } catch (IllegalArgumentException e) {
      throw new InvalidField("viewId", "must be a view id (a UUID)");
    }
    return events
        .readEvents(viewId)
        .asStream()
        .map(EventMessage::getPayload)
        .map(RecordedViews::recorded)
        .filter(Objects::nonNull)
        .findFirst();
  }

  private static RecordedView recorded(Object payload) {
    if (payload instanceof MedicalInfoViewed v) {
      return new RecordedView(v.viewId(), v.facilityCode(), v.at(), true, List.of(), v.coveredBy());
    }
    if (payload instanceof MedicalInfoViewDenied d) {
      return new RecordedView(
          d.viewId(),
          d.facilityCode(),
          d.at(),
          false,
          d.reasons().stream().map(Enum::name).toList(),
          d.coveredBy());
    }
    return null;
  }
}
