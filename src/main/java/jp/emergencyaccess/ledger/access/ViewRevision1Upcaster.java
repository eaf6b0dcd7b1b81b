package jp.emergencyaccess.ledger.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads {@link MedicalInfoViewed} and {@link MedicalInfoViewDenied} of revision 1 as revision 2.
 *
 * <p>Revision 1's {@code coveredBy} held the notice (or application) that had set the covering
 * period's last day when the lookup was decided: a later extension's notice, not necessarily the
 * one under which the instant was first covered. Only that one name is known from the event, so it
 * becomes the one-element {@code notices} (or {@code applications}); {@code noticeId} (or {@code
 * applicationId}) and {@code retroactive} are null: not recorded, and not guessed from today's
 * activation history (which may have changed since). A {@code coveredBy} of null stays null.
 *
 * <p>A Spring bean: Axon's Spring Boot configuration registers every {@code EventUpcaster} bean in
 * the configuration's upcaster chain, which the event storage engine ({@code
 * infra.EventStoreConfig}, or Axon Server's store) applies to every event it reads, for aggregates
 * and processors alike.
 */
@Component
public class ViewRevision1Upcaster extends SingleEventUpcaster {
  private static final Set<String> TYPES =
      Set.of(MedicalInfoViewed.class.getName(), MedicalInfoViewDenied.class.getName());

  @Override
  protected boolean canUpcast(IntermediateEventRepresentation representation) {
    return TYPES.contains(representation.getType().getName())
        && "1".equals(representation.getType().getRevision());
  }

  @Override
  protected IntermediateEventRepresentation doUpcast(
      IntermediateEventRepresentation representation) {
    return representation.upcastPayload(
        new SimpleSerializedType(representation.getType().getName(), "2"),
        JsonNode.class,
        ViewRevision1Upcaster::upcast);
  }

  static JsonNode upcast(JsonNode payload) {
    JsonNode covered = payload.get("coveredBy");
    if (covered instanceof ObjectNode coveredBy) {
      boolean facility = "FACILITY".equals(coveredBy.path("kind").asText());
      String named = facility ? "applicationId" : "noticeId";
      String chain = facility ? "applications" : "notices";
      JsonNode known = coveredBy.remove(named);
      if (known != null && !known.isNull()) {
        coveredBy.putArray(chain).add(known);
      }
      coveredBy.putNull("retroactive");
    }
    return payload;
  }
}
