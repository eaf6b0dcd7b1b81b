package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.activation.ActivationChange;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Views recorded in revision 1 (before the basis named its first-covering notice) are read by
 * today's code through {@link ViewRevision1Upcaster}, from the real event store: by the access
 * history (a tracking processor), by the view's own aggregate and by the re-judging query.
 *
 * <p>The payloads in {@code src/test/resources/golden/} were written by the pinned serializer of
 * the code that recorded revision 1 (main at 19c846b): they are stored here exactly as that code
 * stored them, with payload revision 1, as a ledger upgraded from it holds them.
 */
abstract class RevisionOneViewsScenarios extends HttpTest {
  /** The golden events' facility (a clinic in 七尾市) and view ids, as the golden files hold them. */
  static final String FACILITY = "1719994012";

  static final String ALLOWED = "8d0e7a52-5b1f-3c53-9a55-3f0f1a2b3c4d";
  static final String DENIED_FACILITY = "9e1f8b63-6c2a-3d64-8b66-4a1a2b3c4d5e";
  static final String DENIED_UNCOVERED = "af2a9c74-7d3b-3e75-9c77-5b2b3c4d5e6f";

  @Autowired private CommandGateway commands;

  private static byte[] golden(String name) {
    try (InputStream in = RevisionOneViewsScenarios.class.getResourceAsStream("/golden/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Appends one stored event row as Axon's JDBC engine writes it, unless the view is there. */
  private void store(String viewId, Class<?> type, String file) {
    Integer there =
        jdbc.queryForObject(
            "select count(*) from domainevententry where aggregateidentifier = ?",
            Integer.class,
            viewId);
    if (there != null && there > 0) {
      return;
    }
    jdbc.update(
        "insert into domainevententry (eventidentifier, aggregateidentifier, sequencenumber, type,"
            + " timestamp, payloadtype, payloadrevision, payload, metadata)"
            + " values (?, ?, 0, 'MedicalInfoView', ?, ?, '1', ?, ?)",
        UUID.randomUUID().toString(),
        viewId,
        Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
        type.getName(),
        golden(file),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  private void registerFacility() {
    if (mhlw().get("/api/facilities/" + FACILITY).status() == 200) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", FACILITY);
    body.put("kind", "CLINIC");
    body.put("name", "七尾ゴールデン診療所");
    body.put("nameKana", "ナナオゴールデンシンリョウジョ");
    body.put("postalCode", "926-8611");
    body.put("address", "石川県七尾市袖ケ江町イ部25");
    body.put("municipalityCode", "172022");
    body.put("phone", "0767-53-1111");
    body.put("at", "2020-01-01T00:00:00+09:00");
    assertThat(mhlw().post("/api/facilities", body).status()).isEqualTo(201);
  }

  private JsonNode history() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      JsonNode page = fund().get("/api/facilities/" + FACILITY + "/accesses").json();
      if (page.at("/summary/attempts").asLong() == 3) {
        return page;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the access history never showed the 3 golden views: " + page);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static JsonNode row(JsonNode page, String viewId) {
    for (JsonNode item : page.get("items")) {
      if (item.get("viewId").asText().equals(viewId)) {
        return item;
      }
    }
    throw new AssertionError("no row of " + viewId + " in " + page);
  }

  @Test
  void revisionOneViews_areReadAsRevisionTwo_byTheHistoryTheAggregateAndTheRejudgeQuery() {
    registerFacility();
    store(ALLOWED, MedicalInfoViewed.class, "MedicalInfoViewed-r1-region.json");
    store(DENIED_FACILITY, MedicalInfoViewDenied.class, "MedicalInfoViewDenied-r1-facility.json");
    store(DENIED_UNCOVERED, MedicalInfoViewDenied.class, "MedicalInfoViewDenied-r1-uncovered.json");

    JsonNode page = history();
    JsonNode region = row(page, ALLOWED).get("coveredBy");
    assertThat(region.get("kind").asText()).isEqualTo("REGION");
    assertThat(region.get("regionCode").asText()).isEqualTo("172022");
    assertThat(region.has("noticeId")).as("not recorded in revision 1: " + region).isFalse();
    assertThat(region.get("notices").toString()).isEqualTo("[\"noto-2024-ext-9\"]");
    assertThat(region.get("retroactive").isNull()).as(region.toString()).isTrue();
    JsonNode own = row(page, DENIED_FACILITY).get("coveredBy");
    assertThat(own.get("kind").asText()).isEqualTo("FACILITY");
    assertThat(own.has("applicationId")).isFalse();
    assertThat(own.get("applications").toString()).isEqualTo("[\"app-golden-1\"]");
    assertThat(own.get("retroactive").isNull()).isTrue();
    assertThat(row(page, DENIED_FACILITY).get("reasons").toString())
        .isEqualTo("[\"CONSENT_MISSING\"]");
    assertThat(row(page, DENIED_UNCOVERED).get("coveredBy").isNull()).isTrue();
    assertThat(row(page, ALLOWED).get("at").asText()).isEqualTo("2024-01-10T10:15:00+09:00");

    ViewOutcome recalled =
        commands.sendAndWait(
            new RecallView(
                new ViewMedicalInfo(
                    ALLOWED,
                    "golden-r1-allowed",
                    FACILITY,
                    "dr-golden",
                    ViewerRole.DOCTOR,
                    "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                    List.of(InfoCategory.MEDICATION, InfoCategory.DISPENSING),
                    "c0a1b2c3-d4e5-3f60-8172-839405a6b7c8",
                    Instant.parse("2024-01-10T01:15:00Z"),
                    true)),
            30,
            java.util.concurrent.TimeUnit.SECONDS);
    assertThat(recalled.lookup().coveredBy())
        .isEqualTo(
            new CoveredBy(
                ActivationChange.Kind.REGION,
                "172022",
                null,
                List.of("noto-2024-ext-9"),
                null,
                null,
                null));
    assertThat(recalled.lookup().decision()).isEqualTo(Decision.ALLOWED);
    assertThat(recalled.replayed()).isTrue();

    JsonNode rejudged = fund().get("/api/views/" + DENIED_FACILITY + "/rejudge").json();
    assertThat(rejudged.at("/original/coveredBy/applications").toString())
        .as(rejudged.toString())
        .isEqualTo("[\"app-golden-1\"]");
    assertThat(rejudged.at("/original/reasons").toString()).isEqualTo("[\"CONSENT_MISSING\"]");

    assertThat(
            jdbc.queryForList(
                "select payloadrevision from domainevententry where aggregateidentifier in (?, ?, ?)",
                String.class,
                ALLOWED,
                DENIED_FACILITY,
                DENIED_UNCOVERED))
        .as("the store keeps what was recorded; only reading upcasts")
        .containsExactly("1", "1", "1");
  }
}
