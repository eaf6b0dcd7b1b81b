package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UtcInstantsTest {
  private final ObjectMapper stored = AxonConfig.storedFormat();
  private final ObjectMapper plain = new ObjectMapper().findAndRegisterModules();

  record At(Instant at) {}

  @Test
  void readsWhatTheStoreAndAxonWrite_asTheStandardParsersDo() throws Exception {
    Random random = new Random(20240101);
    long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
    long to = Instant.parse("2199-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long second = from + (long) (random.nextDouble() * (to - from));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(second, nanos);
      String iso = DateTimeFormatter.ISO_INSTANT.format(instant); // Jackson's stored form
      String axon = DateTimeUtils.formatInstant(instant); // the event table's timestamp column
      assertThat(UtcInstants.parse(iso)).as(iso).isEqualTo(Instant.parse(iso));
      assertThat(UtcInstants.parse(axon)).as(axon).isEqualTo(DateTimeUtils.parseInstant(axon));
      assertThat(stored.readValue("{\"at\":\"" + iso + "\"}", At.class).at()).isEqualTo(instant);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-10T01:23:45.5Z",
        "2024-02-10T01:23:45.12Z",
        "2024-02-10T01:23:45.1234Z",
        "2024-02-10T01:23:45.12345678Z",
        "2024-02-29T00:00:00Z",
        "2000-02-29T23:59:59.999999999Z"
      })
  void readsEveryFractionLength(String text) {
    assertThat(UtcInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  /**
   * Not the stored form, or not a valid instant: left to the standard parsers, which answer as they
   * always did (Jackson's takes "24:00:00" as the next midnight, an offset, a leap second).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-02-10T10:23:45+09:00",
        "2024-02-10T10:23:45.678+09:00",
        "2016-12-31T23:59:60Z",
        "+12024-02-10T01:23:45Z",
        "2024-02-10t01:23:45Z",
        "2024-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-13-01T00:00:00Z",
        "2024-02-10T24:00:00Z",
        "2024-02-10T23:60:00Z",
        "2024-02-10 01:23:45Z",
        "2024-02-10T01:23:45.Z",
        "2024-02-10T01:23:45.1234567890Z",
        "2024-02-10T01:23:4aZ",
        "2024-2-10T01:23:45Z",
        "2024-02-10T01:23:45"
      })
  void otherTexts_areLeftToTheStandardParsers(String text) {
    assertThat(UtcInstants.parse(text)).isNull();
    String json = "{\"at\":\"" + text + "\"}";
    assertThat(outcome(stored, json)).isEqualTo(outcome(plain, json));
  }

  /** The value read, or the class of the error. */
  private static Object outcome(ObjectMapper mapper, String json) {
    try {
      return mapper.readValue(json, At.class);
    } catch (Exception e) {
      return e.getClass();
    }
  }

  @Test
  void numbers_areReadAsJacksonReadsThem() throws Exception {
    String json = "{\"at\":1707528225.678000000}";
    assertThat(stored.readValue(json, At.class).at())
        .isEqualTo(Instant.parse("2024-02-10T01:23:45.678Z"));
  }
}
