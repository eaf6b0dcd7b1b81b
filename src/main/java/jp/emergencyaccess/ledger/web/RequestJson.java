package jp.emergencyaccess.ledger.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import jp.emergencyaccess.ledger.common.InvalidField;
import jp.emergencyaccess.ledger.common.TextRules;

/**
 * The readers of request values that Jackson's defaults are too lenient for: dates and instants
 * only as the text {@link InputDates} accepts (Jackson's own read numbers as epoch seconds, took
 * the UTC date of a date-time and trimmed spaces), and every string checked against {@link
 * TextRules#problemInFreeText} (a command's own checks are stricter for names and identifiers). A
 * refusal names the field by its path in the body ({@code applicant.name}, {@code categories[0]}).
 */
final class RequestJson {
  private RequestJson() {}

  static JsonDeserializer<String> strings() {
    return new JsonDeserializer<>() {
      @Override
      public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String value = StringDeserializer.instance.deserialize(p, ctxt);
        String problem = TextRules.problemInFreeText(value);
        if (problem != null) {
          throw new InvalidField(path(p), problem);
        }
        return value;
      }
    };
  }

  static JsonDeserializer<LocalDate> dates(InputDates window) {
    return text(InputDates.DATE_SHAPE, window::date);
  }

  static JsonDeserializer<OffsetDateTime> offsetDateTimes(InputDates window) {
    return text(InputDates.INSTANT_SHAPE, window::instant);
  }

  static JsonDeserializer<Instant> instants(InputDates window) {
    return text(InputDates.INSTANT_SHAPE, (field, text) -> window.instant(field, text).toInstant());
  }

  private static <T> JsonDeserializer<T> text(String shape, BiFunction<String, String, T> parse) {
    return new JsonDeserializer<>() {
      @Override
      public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw new InvalidField(path(p), shape + ", as a JSON string");
        }
        return parse.apply(path(p), p.getText());
      }
    };
  }

  /**
   * Enums only by their exact names: Jackson's reader also takes a name with spaces around it
   * ({@code " DOCTOR"}), which is not the name.
   */
  static SimpleModule exactEnums() {
    return new SimpleModule("exact-enums")
        .setDeserializerModifier(
            new BeanDeserializerModifier() {
              @Override
              public JsonDeserializer<?> modifyEnumDeserializer(
                  DeserializationConfig config,
                  JavaType type,
                  BeanDescription description,
                  JsonDeserializer<?> deserializer) {
                String names =
                    Arrays.stream(type.getRawClass().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name())
                        .collect(Collectors.joining(", "));
                return new ExactEnum(deserializer, names);
              }
            });
  }

  private static final class ExactEnum extends DelegatingDeserializer {
    private final String names;

    ExactEnum(JsonDeserializer<?> delegate, String names) {
      super(delegate);
      this.names = names;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new ExactEnum(delegate, names);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING && !p.getText().equals(p.getText().strip())) {
        throw new InvalidField(path(p), "must be one of " + names);
      }
      return super.deserialize(p, ctxt);
    }
  }

  /** Where the parser stands in the body, as the errors[] of a problem name fields. */
  static String path(JsonParser p) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = p.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + c.getCurrentIndex() + "]");
      } else if (c.getCurrentName() != null) {
        parts.push(c.getCurrentName());
      }
    }
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      if (path.length() > 0 && !part.startsWith("[")) {
        path.append('.');
      }
      path.append(part);
    }
    return path.length() == 0 ? "body" : path.toString();
  }
}
