package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.common.LedgerEvent;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored shape of every event: {@code src/test/resources/golden/<Event>-r<revision>.json} holds
 * one payload as the store keeps it, and today's code must read it (unknown fields fail) and write
 * it back unchanged. A new field, a renamed one or a changed type fails here: that is a new
 * revision with an upcaster, and the old file stays as the golden of the old revision (see {@code
 * access.RevisionOneViewsScenarios} for revision 1 of the views read through their upcaster).
 */
class StoredEventShapesTest {
  private static final ObjectMapper STORED = AxonConfig.storedFormat();

  static Stream<Class<?>> events() {
    return new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.emergencyaccess.ledger")
            .stream()
            .filter(c -> c.isAnnotatedWith(Revision.class))
            .map(JavaClass::reflect)
            .sorted(java.util.Comparator.comparing(Class::getSimpleName))
            .map(c -> (Class<?>) c);
  }

  @ParameterizedTest
  @MethodSource("events")
  void theStoredShapeOfTheCurrentRevisionReadsAndWritesBackUnchanged(Class<?> event)
      throws IOException {
    String file =
        "/golden/" + event.getSimpleName() + "-r" + event.getAnnotation(Revision.class).value();
    byte[] stored = read(file + ".json");
    if (stored == null) {
      fail(
          "%s.json is missing; today's code stores %s like this (write it there once the shape"
              + " is final):%n%s",
          file,
          event.getSimpleName(),
          STORED
              .copy()
              .enable(SerializationFeature.INDENT_OUTPUT)
              .writeValueAsString(sample(event)));
    }
    Object read = STORED.readValue(stored, event);
    assertThat(read).isInstanceOf(LedgerEvent.class);
    JsonNode written = STORED.readTree(STORED.writeValueAsBytes(read));
    assertThat(written).as("%s written back", file).isEqualTo(STORED.readTree(stored));
  }

  private static byte[] read(String resource) throws IOException {
    try (InputStream in = StoredEventShapesTest.class.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    }
  }

  /** An instance with every component filled, for the message that shows a missing file. */
  private static Object sample(Class<?> type) {
    if (type == String.class) {
      return "text";
    }
    if (type == Instant.class) {
      return Instant.parse("2024-01-02T03:04:05.678Z");
    }
    if (type == LocalDate.class) {
      return LocalDate.parse("2024-01-02");
    }
    if (type == int.class || type == Integer.class) {
      return 1;
    }
    if (type == long.class || type == Long.class) {
      return 1L;
    }
    if (type == boolean.class || type == Boolean.class) {
      return true;
    }
    if (type.isEnum()) {
      return type.getEnumConstants()[0];
    }
    if (type.isRecord()) {
      RecordComponent[] components = type.getRecordComponents();
      Object[] values = new Object[components.length];
      Class<?>[] types = new Class<?>[components.length];
      for (int i = 0; i < components.length; i++) {
        types[i] = components[i].getType();
        values[i] =
            types[i] == List.class
                ? List.of(sample(elementType(components[i].getGenericType())))
                : sample(types[i]);
      }
      try {
        return type.getDeclaredConstructor(types).newInstance(values);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalArgumentException("no sample for " + type);
  }

  private static Class<?> elementType(Type list) {
    return (Class<?>) ((ParameterizedType) list).getActualTypeArguments()[0];
  }
}
