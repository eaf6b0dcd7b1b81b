package jp.emergencyaccess.ledger.review;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.MultiEventHandlerInvoker;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The review records over real HTTP on H2 and PostgreSQL. Prefecture 41 (試験市41700) holds only this
 * scenario's two facilities, and review-fund / review-mhlw / review-clinic / review-other
 * (application-test.yml) are its own accounts, so their rows of the auditors' log are its own.
 */
abstract class ReviewScenarios extends HttpTest {
  private static final String MUNICIPALITY = "417009";
  private static final String CLINIC = "4119000018";
  private static final String OTHER = "4119000026";
  private static final String UNREGISTERED = "4119000034";

  @Autowired private EventProcessingConfiguration processing;
  @Autowired private EventStore eventStore;
  @Autowired private TransactionTemplate transactions;

  private Api reviewer() {
    return api().as("review-fund");
  }

  private Api ministry() {
    return api().as("review-mhlw");
  }

  /** Both facilities, registered since 2020; a retry of the same registration records nothing. */
  @BeforeEach
  void registerTheFacilities() {
    for (String code : List.of(CLINIC, OTHER)) {
      Api.Reply registered =
          mhlw()
              .post(
                  "/api/facilities",
                  Map.of(
                      "facilityCode", code,
                      "kind", "CLINIC",
                      "name", "レビュー診療所 " + code,
                      "nameKana", "レビューシンリョウジョ",
                      "postalCode", "840-8570",
                      "address", "佐賀市城内1-1-59",
                      "municipalityCode", MUNICIPALITY,
                      "phone", "0952-24-2111",
                      "at", "2020-01-01T00:00:00+09:00"));
      assertThat(registered.status()).as(registered.toString()).isIn(200, 201);
    }
  }

  private static Map<String, Object> february(String finding, String note) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", CLINIC);
    body.put("from", "2024-02-01");
    body.put("to", "2024-02-29");
    body.put("finding", finding);
    if (note != null) {
      body.put("note", note);
    }
    return body;
  }

  private String record(Api as, Map<String, Object> body) {
    Api.Reply reply = as.post("/api/reviews", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("reviewId").asText();
  }

  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.get("items").forEach(i -> ids.add(i.get("reviewId").asText()));
    return ids;
  }

  private static JsonNode item(JsonNode list, String reviewId) {
    for (JsonNode item : list.get("items")) {
      if (item.get("reviewId").asText().equals(reviewId)) {
        return item;
      }
    }
    throw new AssertionError(reviewId + " is not in " + list);
  }

  private long reviewsRecorded() {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype = ?",
        Long.class,
        ReviewRecorded.class.getName());
  }

  @Test
  void theFundRecordsAReview_theBodiesReadItWithItsNote_andTheFacilityWithoutIt() {
    Api.Reply recorded =
        reviewer()
            .post(
                "/api/reviews",
                february("FOLLOW_UP_NEEDED", "5 Feb: exemptions to be checked against admissions"));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    JsonNode review = recorded.json();
    String id = review.get("reviewId").asText();
    assertThat(id).startsWith("rev-");
    assertThat(recorded.response().headers().firstValue("Location")).hasValue("/api/reviews/" + id);
    assertThat(review.get("facilityCode").asText()).isEqualTo(CLINIC);
    assertThat(review.get("from").asText()).isEqualTo("2024-02-01");
    assertThat(review.get("to").asText()).isEqualTo("2024-02-29");
    assertThat(review.get("finding").asText()).isEqualTo("FOLLOW_UP_NEEDED");
    assertThat(review.get("findingLabel").asText()).isEqualTo("要追加確認");
    assertThat(review.get("note").asText()).contains("5 Feb");
    assertThat(review.get("reviewedBy").asText()).isEqualTo("review-fund");
    assertThat(review.get("at").asText()).endsWith("+09:00");

    JsonNode byMinistry = ministry().get("/api/reviews/" + id).json();
    assertThat(byMinistry).isEqualTo(review);
    JsonNode list =
        ministry()
            .get("/api/facilities/" + CLINIC + "/reviews?from=2024-02-10&to=2024-02-10")
            .json();
    assertThat(item(list, id)).isEqualTo(review);
    assertThat(ids(reviewer().get("/api/facilities/" + CLINIC + "/reviews?from=2024-03-01").json()))
        .doesNotContain(id);

    Api clinic = api().as("review-clinic");
    JsonNode own = item(clinic.get("/api/facilities/" + CLINIC + "/reviews").json(), id);
    assertThat(own.get("finding").asText()).isEqualTo("FOLLOW_UP_NEEDED");
    assertThat(own.get("from").asText()).isEqualTo("2024-02-01");
    assertThat(own.has("note")).isFalse();
    assertThat(own.has("reviewedBy")).isFalse();
    assertThat(clinic.get("/api/reviews/" + id).json().has("note")).isFalse();

    Api other = api().as("review-other");
    long before = storedEvents();
    Api.Reply refused = other.get("/api/facilities/" + CLINIC + "/reviews");
    assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(other.get("/api/reviews/" + id).status()).isEqualTo(404);
    assertThat(storedEvents()).isEqualTo(before);

    JsonNode fundsRows = mhlw().get("/api/auditors-log?account=review-fund&limit=10").json();
    assertThat(fundsRows.toString())
        .contains("\"action\":\"REVIEW_RECORDED\"")
        .contains("finding=FOLLOW_UP_NEEDED&from=2024-02-01&reviewId=" + id + "&to=2024-02-29")
        .doesNotContain("5 Feb");
    JsonNode clinicsRows = mhlw().get("/api/auditors-log?account=review-clinic&limit=10").json();
    assertThat(clinicsRows.toString())
        .contains("\"action\":\"REVIEWS\"")
        .contains("\"subject\":\"" + CLINIC + "\"")
        .contains("\"role\":\"FACILITY\"");
    JsonNode ministryRows = mhlw().get("/api/auditors-log?account=review-mhlw&limit=10").json();
    assertThat(ministryRows.toString()).contains("from=2024-02-10&to=2024-02-10");
  }

  @Test
  void theMinistryRecordsToo_butNoFacilityMonitorOrPortal() {
    String id = record(ministry(), february("NO_ISSUES", null));
    JsonNode review = reviewer().get("/api/reviews/" + id).json();
    assertThat(review.get("findingLabel").asText()).isEqualTo("問題なし");
    assertThat(review.has("note")).isFalse();
    assertThat(mhlw().get("/api/auditors-log?account=review-mhlw&limit=10").json().toString())
        .contains("\"role\":\"MHLW\",\"action\":\"REVIEW_RECORDED\"");

    for (Api as : List.of(api().as("review-clinic"), monitor(), api().as("portal"))) {
      long before = storedEvents();
      Api.Reply reply = as.post("/api/reviews", february("NO_ISSUES", null));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
      assertThat(storedEvents()).isEqualTo(before);
    }
    for (Api as : List.of(monitor(), api().as("portal"))) {
      assertThat(as.get("/api/facilities/" + CLINIC + "/reviews").status()).isEqualTo(403);
    }
  }

  @Test
  void badInputIsRefusedWithAProblem_andRecordsNothing() {
    String tomorrow = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(1).toString();
    Map<String, Integer> bodies = new LinkedHashMap<>();
    bodies.put(
        "{\"facilityCode\":\"" + UNREGISTERED + "\"," + period("2024-02-01", "2024-02-29"), 409);
    bodies.put("{\"facilityCode\":\"4119000019\"," + period("2024-02-01", "2024-02-29"), 400);
    bodies.put("{\"facilityCode\":\"" + CLINIC + "\"," + period("2024-02-29", "2024-02-01"), 400);
    bodies.put("{\"facilityCode\":\"" + CLINIC + "\"," + period("2024-01-01", "2025-01-01"), 400);
    bodies.put("{\"facilityCode\":\"" + CLINIC + "\"," + period("2024-02-01", tomorrow), 400);
    bodies.put("{\"facilityCode\":\"" + CLINIC + "\"," + period("2024-02-01", "2024-02-30"), 400);
    bodies.put(
        "{\"facilityCode\":\""
            + CLINIC
            + "\",\"from\":\"2024-02-01\",\"to\":\"2024-02-29\","
            + "\"finding\":\"FINE\"}",
        400);
    bodies.put(
        "{\"facilityCode\":\""
            + CLINIC
            + "\",\"from\":\"2024-02-01\",\"to\":\"2024-02-29\","
            + "\"finding\":\"NO_ISSUES\",\"note\":\""
            + "x".repeat(2001)
            + "\"}",
        400);
    bodies.put(
        "{\"facilityCode\":\""
            + CLINIC
            + "\",\"from\":\"2024-02-01\",\"to\":\"2024-02-29\","
            + "\"finding\":\"NO_ISSUES\",\"at\":\"2024-02-20T10:00:00+09:00\"}",
        400);
    bodies.put(
        "{\"facilityCode\":\"" + CLINIC + "\",\"to\":\"2024-02-29\",\"finding\":\"NO_ISSUES\"}",
        400);
    bodies.put(
        "{\"facilityCode\":\"" + CLINIC + "\",\"from\":\"2024-02-01\",\"to\":\"2024-02-29\"}", 400);
    bodies.put("{" + period("2024-02-01", "2024-02-29"), 400);
    bodies.put(
        "{\"facilityCode\":\""
            + CLINIC
            + "\",\"from\":\"2024-02-01\",\"to\":\"2024-02-29\","
            + "\"finding\":\"NO_ISSUES\",\"patientId\":\"p-1\"}",
        400);
    List<String> listed = ids(reviewer().get("/api/facilities/" + CLINIC + "/reviews").json());
    long reviews = reviewsRecorded();
    long events = storedEvents();
    for (var entry : bodies.entrySet()) {
      Api.Reply reply = reviewer().post("/api/reviews", entry.getKey());
      assertThat(reply.status()).as(entry.getKey() + " " + reply).isEqualTo(entry.getValue());
      assertThat(reply.contentType()).startsWith("application/problem+json");
      if (entry.getValue() == 409) {
        assertThat(reply.json().get("rule").asText()).isEqualTo("FACILITY_NOT_REGISTERED");
      } else {
        assertThat(reply.json().get("errors")).as(reply.toString()).isNotEmpty();
      }
    }
    for (String query :
        List.of(
            CLINIC + "/reviews?from=2024-02-29&to=2024-02-01",
            CLINIC + "/reviews?from=2024-02-30",
            CLINIC + "/reviews?limit=0",
            "4119000019/reviews")) {
      Api.Reply reply = reviewer().get("/api/facilities/" + query);
      assertThat(reply.status()).as(query + " " + reply).isEqualTo(400);
    }
    Api.Reply unknown = reviewer().get("/api/facilities/" + UNREGISTERED + "/reviews");
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
    assertThat(reviewer().get("/api/reviews/rev-nothing").status()).isEqualTo(400);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(reviewsRecorded()).isEqualTo(reviews);
    assertThat(ids(reviewer().get("/api/facilities/" + CLINIC + "/reviews").json()))
        .isEqualTo(listed);
  }

  private static String period(String from, String to) {
    return "\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"finding\":\"NO_ISSUES\"}";
  }

  /**
   * The list is a read model of the workbench's subscribing processor: the rebuild (infra.
   * ProjectionRebuild) empties it through its reset handler and replays the store into it. Here the
   * list alone is reset and replayed, as that rebuild does, so the other scenarios' rows stay.
   */
  @Test
  void aRebuildOfTheWorkbenchsReadModels_listsTheSameReviews() throws Exception {
    record(reviewer(), february("ISSUES_FOUND", "two lookups without a consent on 12 Feb"));
    record(ministry(), february("NO_ISSUES", null));
    JsonNode before = reviewer().get("/api/facilities/" + CLINIC + "/reviews").json();

    SubscribingEventProcessor alerts =
        processing.eventProcessor("alerts", SubscribingEventProcessor.class).orElseThrow();
    List<EventMessageHandler> handlers = handlers(alerts.eventHandlerInvoker());
    assertThat(handlers)
        .extracting(h -> h.getTargetType().getSimpleName())
        .contains("AlertQueue", "AuditorsLogRows", "FacilityReviews");
    EventMessageHandler list =
        handlers.stream()
            .filter(h -> h.getTargetType() == FacilityReviews.class)
            .findFirst()
            .orElseThrow();
    transactions.executeWithoutResult(
        t -> {
          list.prepareReset();
          assertThat(jdbc.queryForObject("select count(*) from facility_review", Long.class))
              .isZero();
          try (var stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
              TrackedEventMessage<?> event = stream.nextAvailable();
              if (event.getPayloadType() == ReviewRecorded.class) {
                list.handle(event);
              }
            }
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });

    JsonNode after = reviewer().get("/api/facilities/" + CLINIC + "/reviews").json();
    assertThat(after.get("items")).hasSizeGreaterThanOrEqualTo(2).isEqualTo(before.get("items"));
  }

  private static List<EventMessageHandler> handlers(EventHandlerInvoker invoker) {
    List<EventMessageHandler> all = new ArrayList<>();
    if (invoker instanceof MultiEventHandlerInvoker multi) {
      multi.delegates().forEach(d -> all.addAll(handlers(d)));
    } else if (invoker instanceof SimpleEventHandlerInvoker simple) {
      all.addAll(simple.eventHandlers());
    }
    return all;
  }
}
