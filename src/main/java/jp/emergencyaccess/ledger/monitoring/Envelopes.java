package jp.emergencyaccess.ledger.monitoring;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import jp.emergencyaccess.ledger.common.JapanTime;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.stereotype.Component;

/**
 * Renders events as the stream's envelope without knowing their classes: the envelope fields are
 * read from the payload's own JSON ({@code regionCode}, {@code facilityCode}, {@code noticeId}).
 * Instants are written with the +09:00 offset. A field named {@code patientId} never leaves, at any
 * depth. Renderings are shared by every subscriber through a small cache keyed by position.
 */
@Component
public class Envelopes {
  private static final int CACHED = 8192;
  private static final String PATIENT_ID = "patientId";

  private final ObjectMapper json = answerFormat();
  private final Map<Long, Envelope> recent =
      new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Envelope> eldest) {
          return size() > CACHED;
        }
      };

  static ObjectMapper answerFormat() {
    SimpleModule japan = new SimpleModule();
    japan.addSerializer(Instant.class, new JapanInstant());
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .registerModule(japan)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  }

  public Envelope of(long position, EventMessage<?> message) {
    synchronized (recent) {
      Envelope cached = recent.get(position);
      if (cached != null) {
        return cached;
      }
    }
    Envelope rendered = render(position, message);
    synchronized (recent) {
      recent.put(position, rendered);
    }
    return rendered;
  }

  /** The payload as JSON, without patientId; null when it cannot be read. */
  public JsonNode payloadOf(EventMessage<?> message) {
    try {
      JsonNode tree = json.valueToTree(message.getPayload());
      withoutPatientId(tree);
      return tree;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private Envelope render(long position, EventMessage<?> message) {
    String type = typeOf(message);
    JsonNode payload = payloadOf(message);
    ObjectNode data = json.createObjectNode();
    data.put("position", position);
    data.put("type", type);
    data.put("at", instant(atOf(message)));
    data.put("recordedAt", instant(message.getTimestamp()));
    String noticeId = text(payload, "noticeId");
    String regionCode = text(payload, "regionCode");
    String facilityCode = text(payload, "facilityCode");
    if (noticeId != null) {
      data.put("noticeId", noticeId);
    }
    if (regionCode != null) {
      data.put("regionCode", regionCode);
    }
    if (facilityCode != null) {
      data.put("facilityCode", facilityCode);
    }
    data.set("payload", payload);
    try {
      return new Envelope(
          position,
          type,
          json.writeValueAsString(data),
          regionCode,
          facilityCode,
          text(payload, "municipalityCode"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String typeOf(EventMessage<?> message) {
    return message.getPayloadType().getSimpleName();
  }

  private static Instant atOf(EventMessage<?> message) {
    try {
      if (message.getPayload() instanceof LedgerEvent event && event.at() != null) {
        return event.at();
      }
    } catch (RuntimeException unreadable) {
      // fall through to the recorded time
    }
    return message.getTimestamp();
  }

  /**
   * +09:00 like every answer; a stored instant too far out for a date at that offset is written in
   * UTC, so that one such event does not end every stream that reaches it.
   */
  static String instant(Instant instant) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(JapanTime.render(instant));
    } catch (DateTimeException outOfRange) {
      return instant.toString();
    }
  }

  static String text(JsonNode payload, String field) {
    if (payload == null) {
      return null;
    }
    JsonNode value = payload.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static void withoutPatientId(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.remove(PATIENT_ID);
    }
    if (node != null && node.isContainerNode()) {
      for (Iterator<JsonNode> children = node.elements(); children.hasNext(); ) {
        withoutPatientId(children.next());
      }
    }
  }

  private static final class JapanInstant extends StdSerializer<Instant> {
    JapanInstant() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator out, SerializerProvider provider)
        throws IOException {
      out.writeString(instant(value));
    }
  }
}
