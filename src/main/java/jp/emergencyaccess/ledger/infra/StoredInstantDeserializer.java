package jp.emergencyaccess.ledger.infra;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.time.Instant;

/**
 * The stored format's instants ({@code "2024-02-10T01:23:45.678Z"}) read by {@link UtcInstants};
 * any other form, and numbers, by Jackson's own {@link InstantDeserializer}: every replayed event
 * has one (docs/overrides.md).
 */
class StoredInstantDeserializer extends StdScalarDeserializer<Instant> {
  StoredInstantDeserializer() {
    super(Instant.class);
  }

  @Override
  public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.hasToken(JsonToken.VALUE_STRING)) {
      Instant instant = UtcInstants.parse(parser.getText());
      if (instant != null) {
        return instant;
      }
    }
    return InstantDeserializer.INSTANT.deserialize(parser, context);
  }
}
