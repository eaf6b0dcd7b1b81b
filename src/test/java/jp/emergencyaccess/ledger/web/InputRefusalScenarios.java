package jp.emergencyaccess.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;

/**
 * Bad input of every kind is refused with 4xx problem+json and records nothing (SPEC §3, §10); run
 * on H2 and on PostgreSQL, since the answer must not depend on the store.
 */
abstract class InputRefusalScenarios extends HttpTest {
  private static final String AT = "2024-02-20T10:15:00+09:00";
  private static final String FACILITY = "4719009997";

  /** Sends the request and asserts a 400 problem naming the field; nothing may be recorded. */
  private Api.Reply refused(Api api, String path, String json, String field) {
    long before = storedEvents();
    Api.Reply reply = api.post(path, json);
    assertThat(reply.status()).as(path + " " + json + " -> " + reply).isEqualTo(400);
    assertProblem(reply);
    assertThat(reply.json().at("/errors/0/field").asText()).as(reply.toString()).isEqualTo(field);
    assertThat(storedEvents()).as("events recorded by " + json).isEqualTo(before);
    return reply;
  }

  private static void assertProblem(Api.Reply reply) {
    assertThat(reply.contentType()).as(reply.toString()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(reply.status());
  }

  private String notice(String title, String confirmation) {
    String id = TestCodes.noticeId("in");
    return "{\"noticeId\":\""
        + id
        + "\",\"series\":\""
        + TestCodes.series()
        + "\",\"revision\":1,\"issuedOn\":\"2024-02-13\",\"title\":"
        + title
        + (confirmation == null ? "" : ",\"confirmation\":" + confirmation)
        + "}";
  }

  private String view(String field, String value) {
    Map<String, String> fields =
        new java.util.LinkedHashMap<>(
            Map.of(
                "facilityCode", "\"" + FACILITY + "\"",
                "viewerId", "\"dr-1\"",
                "viewerRole", "\"DOCTOR\"",
                "patientId", "\"P-1\"",
                "categories", "[\"MEDICATION\"]",
                "at", "\"" + AT + "\""));
    fields.put(field, value);
    StringBuilder json = new StringBuilder("{");
    fields.forEach(
        (k, v) ->
            json.append(json.length() > 1 ? "," : "")
                .append('"')
                .append(k)
                .append("\":")
                .append(v));
    return json.append('}').toString();
  }

  @Test
  void enumsGivenAsNumbers_areRefused() {
    Api facility = api().as("input-refusals");
    refused(facility, "/api/views", view("viewerRole", "0"), "viewerRole");
    refused(facility, "/api/views", view("categories", "[3]"), "categories[0]");
    refused(facility, "/api/views", view("viewerRole", "\" DOCTOR\""), "viewerRole");
    refused(facility, "/api/views", view("viewerRole", "\"doctor\""), "viewerRole");
    refused(
        facility,
        "/api/consents",
        "{\"facilityCode\":\""
            + FACILITY
            + "\",\"patientId\":\"P-1\",\"basis\":1,\"identification\":\"INSURED_NUMBER\","
            + "\"recordedBy\":\"nurse\"}",
        "basis");
    refused(
        fund(),
        "/api/inquiries/inq-00000000-0000-0000-0000-000000000000/close",
        "{\"finding\":1,\"summary\":\"x\"}",
        "finding");
    refused(
        mhlw(),
        "/api/facilities",
        "{\"facilityCode\":\"4710000000\",\"kind\":1,\"name\":\"n\",\"nameKana\":\"n\","
            + "\"postalCode\":\"900-0001\",\"address\":\"a\",\"municipalityCode\":\"472018\","
            + "\"phone\":\"098-000-0000\"}",
        "kind");
  }

  @Test
  void instantsOtherThanIsoTextWithAnOffset_areRefused() {
    Api facility = api().as("input-refusals");
    for (String at :
        new String[] {
          "1.5", "0", "\"1708391700\"", "\"2024-02-20T10:15:00\"", "\" " + AT + "\"", "\"\"",
        }) {
      refused(facility, "/api/views", view("at", at), "at");
    }
  }

  @Test
  void dateFieldsGivenDateTimes_areRefused() {
    refused(
        mhlw(),
        "/api/notices",
        notice("\"t\"", null).replace("\"2024-02-13\"", "\"2024-02-13T23:00:00Z\""),
        "issuedOn");
    refused(
        mhlw(),
        "/api/notices",
        notice("\"t\"", null).replace("\"2024-02-13\"", "20240213"),
        "issuedOn");
  }

  @Test
  void datesOutsideTheWindow_areRefusedBeforeAnythingIsRecorded() {
    Api facility = api().as("input-refusals");
    for (String at :
        new String[] {
          "0000-01-01T00:00:00Z",
          "-0001-01-01T00:00:00Z",
          "+10000-01-01T00:00:00Z",
          "+999999999-12-31T23:59:59Z",
          "1999-12-31T14:59:59Z"
        }) {
      Api.Reply reply = refused(facility, "/api/views", view("at", "\"" + at + "\""), "at");
      assertThat(reply.json().at("/errors/0/message").asText())
          .contains("2000-01-01", "2100-12-31");
    }
    String region = TestCodes.municipality();
    for (String until : new String[] {"+999999999-12-31", "2101-01-01", "0000-12-31"}) {
      refused(
          mhlw(),
          "/api/regions/" + region + "/activate",
          "{\"from\":\"2024-01-01\",\"until\":\"" + until + "\",\"noticeId\":\"n-1\"}",
          "until");
      refused(
          mhlw(),
          "/api/facilities/" + FACILITY + "/extend",
          "{\"until\":\""
              + until
              + "\",\"applicationId\":\"00000000-0000-0000-0000-000000000000\"}",
          "until");
    }
    for (String query :
        new String[] {
          "/api/activation?at=%2B999999999-12-31T23:59:59Z",
          "/api/activation?at=1999-12-31",
          "/api/activation?knownAt=2101-01-01",
          "/api/activation/check?region=172014&at=%2B10000-01-01T00:00:00Z",
          "/api/facilities/" + FACILITY + "/accesses?from=0001-01-01"
        }) {
      Api.Reply reply = mhlw().get(query);
      assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
      assertProblem(reply);
      assertThat(reply.json().at("/errors/0/message").asText()).contains("2000-01-01");
    }
  }

  @Test
  void textLongerThanItsColumn_isRefused() {
    refused(mhlw(), "/api/notices", notice("\"" + "x".repeat(1001) + "\"", null), "title");
    refused(
        mhlw(), "/api/notices", notice("\"t\"", "\"" + "x".repeat(2001) + "\""), "confirmation");
    Api.Reply fits =
        mhlw()
            .post(
                "/api/notices",
                notice("\"" + "x".repeat(1000) + "\"", "\"" + "y".repeat(2000) + "\""));
    assertThat(fits.status()).as(fits.toString()).isEqualTo(201);
  }

  @Test
  void controlCharactersSurrogatesAndBidiOverrides_areRefused() {
    for (String title :
        new String[] {
          "\"a\\u0000b\"",
          "\"a\\u0007b\"",
          "\"a\\ud800b\"",
          "\"a\\u202eb\"",
          "\"a\\tb\"",
          "\"a\\nb\"",
          "\"a\\u0085b\""
        }) {
      refused(mhlw(), "/api/notices", notice(title, null), "title");
    }
    refused(
        api().as("input-refusals"), "/api/views", view("viewerId", "\"dr\\udc00\""), "viewerId");
    refused(
        api().as("input-refusals"), "/api/views", view("viewerId", "\"dr\\u2066x\""), "viewerId");
    refused(mhlw(), "/api/notices", notice("\"t\"", "\"a\\rb\""), "confirmation");
    // Free text may hold tabs and newlines.
    Api.Reply freeText = mhlw().post("/api/notices", notice("\"t\"", "\"line 1\\n\\tline 2\""));
    assertThat(freeText.status()).as(freeText.toString()).isEqualTo(201);
    assertThat(freeText.json().get("confirmation").asText()).isEqualTo("line 1\n\tline 2");
  }

  @Test
  void duplicateKeys_areRefused() {
    refused(
        mhlw(),
        "/api/notices",
        notice("\"t\"", null).replace("\"title\":", "\"title\":\"a\",\"title\":"),
        "title");
    refused(
        api().as("input-refusals"),
        "/api/views",
        view("at", "\"" + AT + "\",\"at\":\"" + AT + "\""),
        "at");
  }

  @Test
  void multipartWithoutBoundary_andHugeBodies_areProblems() {
    long before = storedEvents();
    Api.Reply multipart =
        mhlw().postRaw("/api/notices", "multipart/form-data", "x".getBytes(StandardCharsets.UTF_8));
    assertThat(multipart.status()).as(multipart.toString()).isIn(400, 415);
    assertProblem(multipart);
    byte[] huge = new byte[8 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'x');
    for (String type :
        new String[] {"application/json", "text/plain", "multipart/form-data; boundary=x"}) {
      Api.Reply tooLarge = mhlw().postRaw("/api/notices", type, huge);
      assertThat(tooLarge.status()).as(type + " " + tooLarge).isEqualTo(413);
      assertProblem(tooLarge);
    }
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void activationCheck_needsExactlyOneOfFacilityAndRegion() {
    for (String query :
        new String[] {
          "/api/activation/check?facility=" + FACILITY + "&region=172014",
          "/api/activation/check",
          "/api/activation/check?at=" + "2024-02-20"
        }) {
      Api.Reply reply = mhlw().get(query);
      assertThat(reply.status()).as(query + " -> " + reply).isEqualTo(400);
      assertProblem(reply);
      assertThat(reply.json().get("errors")).as(reply.toString()).isNotEmpty();
    }
  }

  @Test
  void unknownPathsAndMethods_are404And405Problems() {
    for (String path : new String[] {"/api/views/some-view", "/api/nothing-here", "/nothing"}) {
      Api.Reply reply = monitor().get(path);
      assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(404);
      assertProblem(reply);
    }
    Api.Reply delete = mhlw().send(mhlw().request("/api/notices/x").DELETE());
    assertThat(delete.status()).as(delete.toString()).isEqualTo(405);
    assertProblem(delete);
    Api.Reply put =
        mhlw().send(mhlw().request("/api/notices").PUT(HttpRequest.BodyPublishers.ofString("{}")));
    assertThat(put.status()).as(put.toString()).isEqualTo(405);
    assertProblem(put);
    // Unauthenticated callers learn nothing about which paths exist.
    assertThat(api().get("/api/views/some-view").status()).isEqualTo(401);
    // A role rule still holds for a path that exists.
    assertThat(monitor().post("/api/notices", notice("\"t\"", null)).status()).isEqualTo(403);
  }

  @Test
  void encodedTraversalAndNul_areProblems() {
    for (String path :
        new String[] {
          "/api/notices/%2e%2e%2f%2e%2e%2fetc", "/api/notices/%00", "/api/notices/..%2f..",
          "/api/%2e%2e/actuator", "/api/notices/a;b", "/api/notices/%25"
        }) {
      Api.Reply reply = mhlw().get(path);
      assertThat(reply.status()).as(path + " -> " + reply).isBetween(400, 404);
      assertProblem(reply);
    }
  }

  @Test
  void regionCodesOutsideTheMunicipalityMaster_areRefused() {
    // 179990 has a valid check digit but names no municipality of Ishikawa.
    refused(
        mhlw(),
        "/api/regions/179990/activate",
        "{\"from\":\"2024-01-01\",\"until\":\"2024-01-31\",\"noticeId\":\"n-1\"}",
        "regionCode");
    Api.Reply check = mhlw().get("/api/activation/check?region=179990");
    assertThat(check.status()).as(check.toString()).isEqualTo(400);
    assertProblem(check);
    refused(
        mhlw(),
        "/api/facilities",
        "{\"facilityCode\":\"1710000009\",\"kind\":\"CLINIC\",\"name\":\"n\",\"nameKana\":\"n\","
            + "\"postalCode\":\"920-0001\",\"address\":\"a\",\"municipalityCode\":\"179990\","
            + "\"phone\":\"076-000-0000\"}",
        "municipalityCode");
  }
}
