package jp.emergencyaccess.ledger.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.Repeats;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Inquiries and the Art. 25–26 measures over real HTTP; run on H2 and on PostgreSQL. */
abstract class InquiryApiScenarios extends HttpTest {
  private static final String T = "2024-02-20T10:00:00+09:00";
  private static final String T2 = "2024-02-27T10:00:00+09:00";
  private static final String T3 = "2024-03-05T10:00:00+09:00";

  @Autowired ServiceStatus serviceStatus;
  @Autowired EventStore eventStore;

  /** Registers a fresh facility and returns its code. */
  protected String registeredFacility() {
    String code = TestCodes.facilityCode();
    new Ministry(api()).registers(code, "CLINIC", "鹿児島テスト診療所 " + code, TestCodes.KAGOSHIMA_CITY);
    return code;
  }

  protected String openInquiry(String facilityCode) {
    Api.Reply reply =
        fund()
            .post(
                "/api/inquiries",
                Map.of("facilityCode", facilityCode, "reason", "many lookups", "at", T));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("inquiryId").asText();
  }

  private Api.Reply measure(String inquiryId, String measure, Map<String, Object> body) {
    return fund().post("/api/inquiries/" + inquiryId + "/" + measure, body);
  }

  private Api.Reply accepted(String inquiryId, String measure, Map<String, Object> body) {
    Api.Reply reply = measure(inquiryId, measure, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply;
  }

  /** A 409 naming the rule, and nothing recorded. */
  private void refused(String inquiryId, String measure, Map<String, Object> body, String rule) {
    long before = storedEvents();
    Api.Reply reply = measure(inquiryId, measure, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("rule").asText()).isEqualTo(rule);
    assertThat(storedEvents()).isEqualTo(before);
  }

  private static java.util.List<String> types(JsonNode inquiry) {
    return StreamSupport.stream(inquiry.get("timeline").spliterator(), false)
        .map(e -> e.get("type").asText())
        .toList();
  }

  @Test
  void anInquiryRunsThroughEveryMeasure_andShowsThemAsATimeline() {
    String facility = registeredFacility();
    String id = openInquiry(facility);
    accepted(id, "facility-report", Map.of("summary", "the clinic explained", "at", T2));
    accepted(id, "improvement-request", Map.of("dueOn", "2024-03-31", "at", T2));
    accepted(id, "publish-name", Map.of("at", T2));
    accepted(id, "suspend", Map.of("reason", "no improvement report", "at", T));
    accepted(id, "resume", Map.of("at", T2));
    accepted(id, "stop", Map.of("reason", "repeated misuse", "at", T3));
    Api.Reply closed =
        accepted(id, "close", Map.of("finding", "VIOLATION", "summary", "lookups without consent"));

    JsonNode inquiry = closed.json();
    assertThat(inquiry.get("status").asText()).isEqualTo("CLOSED");
    assertThat(inquiry.get("finding").asText()).isEqualTo("VIOLATION");
    assertThat(inquiry.get("facilityCode").asText()).isEqualTo(facility);
    assertThat(types(inquiry))
        .containsExactly(
            "InquiryOpened",
            "FacilityServiceSuspended",
            "FacilityReportRecorded",
            "ImprovementReportRequested",
            "FacilityNamePublished",
            "FacilityServiceResumed",
            "FacilityServiceStopped",
            "InquiryClosed");
    assertThat(inquiry.at("/timeline/1/at").asText()).isEqualTo("2024-02-20T10:00:00+09:00");
    assertThat(inquiry.at("/timeline/3/dueOn").asText()).isEqualTo("2024-03-31");
    assertThat(inquiry.at("/serviceStatus/status").asText()).isEqualTo("STOPPED");

    Api.Reply read = mhlw().get("/api/inquiries/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(types(read.json())).isEqualTo(types(inquiry));

    JsonNode published = monitor().get("/api/facilities/published-names").json();
    assertThat(published.isArray()).isTrue();
    assertThat(published.findValuesAsText("facilityCode")).contains(facility);

    JsonNode shown = mhlw().get("/api/facilities/" + facility).json();
    assertThat(shown.at("/serviceStatus/status").asText()).isEqualTo("STOPPED");
    assertThat(shown.at("/serviceStatus/since").asText()).isEqualTo(T3);
    assertThat(shown.at("/serviceStatus/inquiryId").asText()).isEqualTo(id);
  }

  @Test
  void aSuspensionTakesEffectFromItsInstant_andAResumeRestoresService() {
    String facility = registeredFacility();
    String id = openInquiry(facility);
    accepted(id, "suspend", Map.of("reason", "misuse", "at", T));
    accepted(id, "resume", Map.of("at", T2));

    Instant t = Instant.parse("2024-02-20T01:00:00Z");
    Instant t2 = Instant.parse("2024-02-27T01:00:00Z");
    assertThat(serviceStatus.suspendedAt(facility, t.minusMillis(1))).isEmpty();
    assertThat(serviceStatus.suspendedAt(facility, t))
        .hasValueSatisfying(
            m -> {
              assertThat(m.change()).isEqualTo(ServiceChange.SUSPENDED);
              assertThat(m.inquiryId()).isEqualTo(id);
              assertThat(m.reason()).isEqualTo("misuse");
            });
    assertThat(serviceStatus.suspendedAt(facility, t2.minusMillis(1))).isPresent();
    assertThat(serviceStatus.suspendedAt(facility, t2)).isEmpty();
    assertThat(
            mhlw().get("/api/facilities/" + facility).json().at("/serviceStatus/status").asText())
        .isEqualTo("IN_SERVICE");
  }

  @Test
  void measuresOutOfOrder_areRefusedWithTheirRule_andRecordNothing() {
    String facility = registeredFacility();
    String id = openInquiry(facility);
    refused(id, "resume", Map.of("at", T), "NOT_SUSPENDED");
    accepted(id, "suspend", Map.of("reason", "misuse", "at", T2));
    refused(id, "suspend", Map.of("reason", "again", "at", T3), "ALREADY_SUSPENDED");
    refused(id, "resume", Map.of("at", T), "MEASURE_NOT_AFTER_LATEST");
    accepted(id, "publish-name", Map.of("at", T2));
    refused(id, "publish-name", Map.of("at", T3), "NAME_ALREADY_PUBLISHED");
    accepted(id, "stop", Map.of("reason", "grave", "at", T3));
    refused(id, "resume", Map.of("at", "2024-03-06T10:00:00+09:00"), "STOP_IS_FINAL");
    refused(
        id,
        "stop",
        Map.of("reason", "again", "at", "2024-03-06T10:00:00+09:00"),
        "ALREADY_STOPPED");
    accepted(id, "close", Map.of("finding", "NO_VIOLATION", "summary", "done"));
    refused(id, "facility-report", Map.of("summary", "late"), "INQUIRY_CLOSED");
    refused(id, "close", Map.of("finding", "VIOLATION", "summary", "again"), "INQUIRY_CLOSED");
  }

  @Test
  void anInquiryIntoAnUnregisteredFacility_isRefused() {
    long before = storedEvents();
    Api.Reply reply =
        fund()
            .post(
                "/api/inquiries",
                Map.of("facilityCode", TestCodes.facilityCode(), "reason", "unknown"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
    assertThat(reply.json().get("rule").asText()).isEqualTo("FACILITY_NOT_REGISTERED");
    assertThat(storedEvents()).isEqualTo(before);
  }

  /** A measure cannot precede the inquiry's opening: 409, nothing recorded. */
  @Test
  void aMeasureDatedBeforeTheOpening_isRefused_andRecordsNothing() {
    String id = openInquiry(registeredFacility());
    refused(
        id,
        "suspend",
        Map.of("reason", "backdated", "at", "2024-02-20T09:59:59+09:00"),
        "MEASURE_BEFORE_OPENING");
    refused(
        id,
        "facility-report",
        Map.of("summary", "too early", "at", "2024-02-19T10:00:00+09:00"),
        "MEASURE_BEFORE_OPENING");
    accepted(id, "facility-report", Map.of("summary", "at the opening", "at", T));
  }

  @Test
  void badInput_isRefusedWith400_andAnUnknownInquiryWith404() {
    long before = storedEvents();
    Api.Reply badCode =
        fund().post("/api/inquiries", Map.of("facilityCode", "4610000000", "reason", "x"));
    assertThat(badCode.status()).isEqualTo(400);
    assertThat(badCode.json().at("/errors/0/field").asText()).isEqualTo("facilityCode");
    Api.Reply unknownField =
        fund()
            .post(
                "/api/inquiries",
                Map.of("facilityCode", registeredFacility(), "reason", "x", "patientId", "p"));
    assertThat(unknownField.status()).isEqualTo(400);
    String unknown = "inq-00000000-0000-0000-0000-000000000000";
    assertThat(measure(unknown, "suspend", Map.of("reason", "x")).status()).isEqualTo(404);
    assertThat(fund().get("/api/inquiries/" + unknown).status()).isEqualTo(404);
    assertThat(fund().get("/api/inquiries/not-an-id").status()).isEqualTo(400);
    String id = openInquiry(registeredFacility());
    assertThat(measure(id, "close", Map.of("finding", "MAYBE", "summary", "x")).status())
        .isEqualTo(400);
    assertThat(measure(id, "improvement-request", Map.of("dueOn", "2024-02-19", "at", T)).status())
        .isEqualTo(400);
    // Only the two registrations and the one opening were recorded.
    assertThat(storedEvents()).isEqualTo(before + 3);
  }

  @Test
  void theSameClientId_opensOneInquiry() {
    String facility = registeredFacility();
    String clientId = "client-" + facility;
    Map<String, Object> body =
        Map.of("facilityCode", facility, "reason", "same request", "clientId", clientId);
    Api.Reply first = fund().post("/api/inquiries", body);
    long after = storedEvents();
    long head = Repeats.head(jdbc);
    double refused = Repeats.counted(monitor(), "OpenInquiry", "refused");
    Api.Reply second = fund().post("/api/inquiries", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(first.json().get("replayed").asBoolean()).isFalse();
    assertThat(second.status()).isEqualTo(201);
    assertThat(second.json().get("inquiryId")).isEqualTo(first.json().get("inquiryId"));
    assertThat(second.json().get("replayed").asBoolean()).isTrue();
    assertThat(second.json().get("openedAt")).isEqualTo(first.json().get("openedAt"));
    assertThat(storedEvents()).isEqualTo(after);
    assertThat(Repeats.head(jdbc)).isEqualTo(head);
    Api.Reply other =
        fund()
            .post(
                "/api/inquiries",
                Map.of("facilityCode", facility, "reason", "different", "clientId", clientId));
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(other.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(other.json().get("detail").asText()).contains("with other reason;");
    Api.Reply otherDay =
        fund()
            .post(
                "/api/inquiries",
                Map.of(
                    "facilityCode",
                    facility,
                    "reason",
                    "same request",
                    "clientId",
                    clientId,
                    "at",
                    "2024-01-01T09:00:00+09:00"));
    assertThat(otherDay.status()).isEqualTo(409);
    assertThat(Repeats.counted(monitor(), "OpenInquiry", "refused")).isEqualTo(refused + 2);
    assertThat(
            fund()
                .get("/api/inquiries/" + first.json().get("inquiryId").asText())
                .json()
                .has("replayed"))
        .as("a read names no replay")
        .isFalse();
    assertThat(fund().get("/api/inquiries?facility=" + facility).json().size()).isEqualTo(1);
  }

  @Test
  void onlyTheImplementingBodiesAct_andMhlwReads() {
    String facility = registeredFacility();
    String id = openInquiry(facility);
    Map<String, Object> open = Map.of("facilityCode", facility, "reason", "x");
    assertThat(monitor().post("/api/inquiries", open).status()).isEqualTo(403);
    assertThat(mhlw().post("/api/inquiries", open).status()).isEqualTo(403);
    assertThat(api().as("kanazawa-clinic").post("/api/inquiries", open).status()).isEqualTo(403);
    assertThat(mhlw().post("/api/inquiries/" + id + "/suspend", Map.of("reason", "x")).status())
        .isEqualTo(403);
    assertThat(monitor().get("/api/inquiries/" + id).status()).isEqualTo(403);
    assertThat(api().as("kanazawa-clinic").get("/api/inquiries/" + id).status()).isEqualTo(403);
    assertThat(api().anonymous().get("/api/inquiries/" + id).status()).isEqualTo(401);
    assertThat(mhlw().get("/api/inquiries/" + id).status()).isEqualTo(200);
    assertThat(fund().get("/api/inquiries/" + id).status()).isEqualTo(200);
    assertThat(mhlw().get("/api/inquiries").status()).isEqualTo(200);
  }

  /**
   * Suspensions of one facility sent at once through several inquiries: the facility's service is
   * one state, so exactly one is recorded and every other is refused with the rule it breaks
   * (ALREADY_SUSPENDED when it is dated after the winner, MEASURE_NOT_AFTER_LATEST otherwise).
   */
  @Test
  void concurrentSuspensionsThroughSeveralInquiries_recordExactlyOne() throws Exception {
    int inquiries = 4;
    ExecutorService pool = Executors.newFixedThreadPool(inquiries);
    try {
      for (int round = 0; round < 4; round++) {
        String facility = registeredFacility();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < inquiries; i++) {
          ids.add(openInquiry(facility));
        }
        long before = storedEvents();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < inquiries; i++) {
          String id = ids.get(i);
          String at = "2024-02-2" + (i + 1) + "T10:00:00+09:00";
          replies.add(
              pool.submit(
                  () -> {
                    start.await();
                    return measure(id, "suspend", Map.of("reason", "race", "at", at));
                  }));
        }
        start.countDown();
        List<Api.Reply> answered = new ArrayList<>();
        for (Future<Api.Reply> reply : replies) {
          answered.add(reply.get(60, TimeUnit.SECONDS));
        }
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < inquiries; i++) {
          if (answered.get(i).status() == 201) {
            accepted.add(i);
          }
        }
        assertThat(accepted).as(answered.toString()).hasSize(1);
        int winner = accepted.get(0);
        for (int i = 0; i < inquiries; i++) {
          if (i == winner) {
            continue;
          }
          Api.Reply reply = answered.get(i);
          assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
          assertThat(reply.contentType()).startsWith("application/problem+json");
          assertThat(reply.json().get("rule").asText())
              .isEqualTo(i > winner ? "ALREADY_SUSPENDED" : "MEASURE_NOT_AFTER_LATEST");
        }
        assertThat(storedEvents()).isEqualTo(before + 1);
        assertThat(
                jdbc.queryForObject(
                    "select count(*) from facility_service_change where facility_code = ?",
                    Long.class,
                    facility))
            .isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** The service is the facility's, whichever inquiry acts: one inquiry cannot undo a stop. */
  @Test
  void measuresThroughAnotherInquiry_judgeTheFacilitysOneStatus() {
    String facility = registeredFacility();
    String a = openInquiry(facility);
    String b = openInquiry(facility);
    accepted(a, "suspend", Map.of("reason", "misuse", "at", T));
    refused(b, "suspend", Map.of("reason", "again", "at", T2), "ALREADY_SUSPENDED");
    accepted(b, "resume", Map.of("at", T2));
    refused(a, "resume", Map.of("at", T3), "NOT_SUSPENDED");
    accepted(a, "stop", Map.of("reason", "grave", "at", T3));
    refused(b, "resume", Map.of("at", "2024-03-06T10:00:00+09:00"), "STOP_IS_FINAL");
    refused(
        b, "suspend", Map.of("reason", "x", "at", "2024-03-06T10:00:00+09:00"), "STOP_IS_FINAL");
    assertThat(
            mhlw()
                .get("/api/facilities/" + facility)
                .json()
                .at("/serviceStatus/inquiryId")
                .asText())
        .isEqualTo(a);
  }

  /**
   * A store written before measures had their own aggregate holds them under the inquiry's
   * aggregate: a suspension recorded that way still refuses a second one, and can be resumed.
   */
  @Test
  void aSuspensionStoredUnderAnInquiry_stillRefusesASecondOne() {
    String facility = registeredFacility();
    String a = openInquiry(facility);
    String b = openInquiry(facility);
    Instant t = Instant.parse("2024-02-20T01:00:00Z");
    eventStore.publish(
        new GenericDomainEventMessage<>(
            "Inquiry", a, 1, new FacilityServiceSuspended(a, facility, "before the upgrade", t)));
    refused(b, "suspend", Map.of("reason", "again", "at", T2), "ALREADY_SUSPENDED");
    accepted(b, "resume", Map.of("at", T2));
    accepted(a, "suspend", Map.of("reason", "again", "at", T3));
    refused(
        b,
        "suspend",
        Map.of("reason", "thrice", "at", "2024-03-06T10:00:00+09:00"),
        "ALREADY_SUSPENDED");
  }
}
