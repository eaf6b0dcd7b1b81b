package jp.emergencyaccess.ledger.activation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Repeats;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Notices and region activation over real HTTP; run on H2 and on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
abstract class RegionApiScenarios extends HttpTest {

  private String notice(String series, int revision) {
    String id = TestCodes.noticeId("n");
    Api.Reply reply =
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId", id,
                    "series", series,
                    "revision", revision,
                    "issuedOn", "2024-02-13",
                    "title", "notice " + revision));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return id;
  }

  private static List<String> activeRegions(JsonNode activation) {
    return StreamSupport.stream(activation.get("regions").spliterator(), false)
        .map(r -> r.get("regionCode").asText())
        .toList();
  }

  @Test
  void nineteenMunicipalities_areActiveUntilTheLastMillisecondOfTheirLastDayInJapan() {
    String series = TestCodes.series();
    String first = notice(series, 1);
    String extension = notice(series, 2);
    String ending = notice(series, 3);
    List<String> regions = new ArrayList<>();
    for (int i = 0; i < 19; i++) {
      String region = TestCodes.municipality();
      regions.add(region);
      var reply =
          mhlw()
              .post(
                  "/api/regions/" + region + "/activate",
                  Map.of("from", "2024-01-01", "until", "2024-02-14", "noticeId", first));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
    for (String region : regions.subList(0, 18)) {
      var reply =
          mhlw()
              .post(
                  "/api/regions/" + region + "/extend",
                  Map.of("until", "2024-02-29", "noticeId", extension));
      assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    }
    String endedEarly = regions.get(0);
    var ended =
        mhlw()
            .post(
                "/api/regions/" + endedEarly + "/end",
                Map.of("lastDay", "2024-02-20", "noticeId", ending));
    assertThat(ended.status()).as(ended.toString()).isEqualTo(201);
    assertThat(ended.json().at("/periods/0/until").asText()).isEqualTo("2024-02-20");
    assertThat(ended.json().at("/periods/0/noticeId").asText()).isEqualTo(ending);
    assertThat(ended.json().at("/periods/0/activatedBy").asText()).isEqualTo(first);

    List<String> lastMoment =
        activeRegions(monitor().get("/api/activation?at=2024-02-14T23:59:59.999%2B09:00").json());
    assertThat(lastMoment).containsAll(regions);
    List<String> nextDay = activeRegions(monitor().get("/api/activation?at=2024-02-15").json());
    assertThat(nextDay).containsAll(regions.subList(0, 18)).doesNotContain(regions.get(18));
    // The same instant written in UTC.
    List<String> lastOfFebruary =
        activeRegions(monitor().get("/api/activation?at=2024-02-29T14:59:59.999Z").json());
    assertThat(lastOfFebruary).containsAll(regions.subList(1, 18)).doesNotContain(endedEarly);
    List<String> march =
        activeRegions(monitor().get("/api/activation?at=2024-02-29T15:00:00Z").json());
    assertThat(march).doesNotContainAnyElementsOf(regions);

    JsonNode before =
        monitor()
            .get(
                "/api/activation/check?region="
                    + endedEarly
                    + "&at=2024-02-20T23:59:59.999%2B09:00")
            .json();
    assertThat(before.get("active").asBoolean()).isTrue();
    assertThat(before.at("/basis/0/noticeId").asText())
        .as("the extension first covered 2024-02-20; the end only set the last day")
        .isEqualTo(extension);
    assertThat(before.at("/basis/0/notices").toString())
        .isEqualTo("[\"" + first + "\",\"" + extension + "\",\"" + ending + "\"]");
    JsonNode after =
        monitor()
            .get("/api/activation/check?region=" + endedEarly + "&at=2024-02-21T00:00%2B09:00")
            .json();
    assertThat(after.get("active").asBoolean()).isFalse();
    assertThat(after.get("reasons").toString()).contains("NOT_ACTIVATED");
    assertThat(after.get("at").asText()).isEqualTo("2024-02-21T00:00:00+09:00");
  }

  @Test
  void aPrefectureCoversItsMunicipalities() {
    String id = notice(TestCodes.series(), 1);
    var reply =
        mhlw()
            .post(
                "/api/regions/450006/activate",
                Map.of("from", "2024-08-08", "until", "2024-08-15", "noticeId", id));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    JsonNode check = monitor().get("/api/activation/check?region=452017&at=2024-08-15").json();
    assertThat(check.get("active").asBoolean()).isTrue();
    assertThat(check.at("/basis/0/regionCode").asText()).isEqualTo("450006");
  }

  @Test
  void theSameNoticeAgain_answersTheRecordedOne_andAnotherUnderItsId_isRefused_withoutATrace(
      CapturedOutput output) {
    Map<String, Object> body =
        Map.of(
            "noticeId",
            TestCodes.noticeId("n"),
            "series",
            TestCodes.series(),
            "revision",
            1,
            "issuedOn",
            "2024-02-13",
            "title",
            "notice 1");
    var first = mhlw().post("/api/notices", body);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("replayed").asBoolean()).isFalse();
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    int mark = output.length();

    var again = mhlw().post("/api/notices", body);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json())
        .isEqualTo(((ObjectNode) first.json().deepCopy()).put("replayed", true));
    var retitled = new java.util.HashMap<>(body);
    retitled.put("title", "notice 1, corrected");
    var other = mhlw().post("/api/notices", retitled);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("rule").asText()).isEqualTo("NOTICE_ID_TAKEN");

    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(Repeats.stackTraceLines(logged)).as("logged for a retry and a refusal").isEmpty();
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).isEqualTo(head);
    assertThat(fund().get("/api/notices/" + body.get("noticeId")).json().has("replayed"))
        .as("a read names no replay")
        .isFalse();
  }

  @Test
  void noticesAreListedBySeriesAndRevision_andTheirIdsAndRevisionsAreUnique() {
    String series = TestCodes.series();
    String second = notice(series, 2);
    String first = notice(series, 1);
    List<String> listed =
        StreamSupport.stream(monitor().get("/api/notices").json().spliterator(), false)
            .filter(n -> n.get("series").asText().equals(series))
            .map(n -> n.get("noticeId").asText())
            .toList();
    assertThat(listed).containsExactly(first, second);
    JsonNode one = fund().get("/api/notices/" + first).json();
    assertThat(one.get("registeredAt").asText()).endsWith("+09:00");

    long events = storedEvents();
    var sameId =
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    first,
                    "series",
                    TestCodes.series(),
                    "revision",
                    1,
                    "issuedOn",
                    "2024-01-01",
                    "title",
                    "again"));
    assertThat(sameId.status()).isEqualTo(409);
    assertThat(sameId.json().get("rule").asText()).isEqualTo("NOTICE_ID_TAKEN");
    var sameRevision =
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    TestCodes.noticeId("n"),
                    "series",
                    series,
                    "revision",
                    2,
                    "issuedOn",
                    "2024-01-01",
                    "title",
                    "again"));
    assertThat(sameRevision.status()).isEqualTo(409);
    assertThat(sameRevision.json().get("detail").asText()).contains(second);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(monitor().get("/api/notices/no-such-notice").status()).isEqualTo(404);
  }

  @Test
  void refusedRequests_getTheirDocumentedStatus_andRecordNothing() {
    String id = notice(TestCodes.series(), 1);
    String region = TestCodes.municipality();
    String wrongCheckDigit = region.substring(0, 5) + ((region.charAt(5) - '0' + 1) % 10);
    long events = storedEvents();
    String period =
        "{\"from\":\"2024-01-01\",\"until\":\"2024-01-07\",\"noticeId\":\"" + id + "\"}";

    var badDigit = mhlw().post("/api/regions/" + wrongCheckDigit + "/activate", period);
    assertProblem(badDigit, 400, "regionCode", "check digit");

    var reversed =
        mhlw()
            .post(
                "/api/regions/" + region + "/activate",
                Map.of("from", "2024-01-07", "until", "2024-01-01", "noticeId", id));
    assertProblem(reversed, 400, "until", "before");

    var unknownNotice =
        mhlw()
            .post(
                "/api/regions/" + region + "/activate",
                Map.of("from", "2024-01-01", "until", "2024-01-07", "noticeId", "no-such-notice"));
    assertThat(unknownNotice.status()).isEqualTo(409);
    assertThat(unknownNotice.json().get("rule").asText()).isEqualTo("NOTICE_UNKNOWN");

    var unknownField =
        mhlw()
            .post(
                "/api/regions/" + region + "/activate",
                "{\"from\":\"2024-01-01\",\"until\":\"2024-01-07\",\"noticeId\":\""
                    + id
                    + "\",\"scope\":\"all\"}");
    assertProblem(unknownField, 400, "scope", "not a known field");

    var wrongType =
        mhlw()
            .post(
                "/api/notices",
                "{\"noticeId\":\"x\",\"series\":\"s\",\"revision\":\"one\",\"issuedOn\":\"2024-01-01\",\"title\":\"t\"}");
    assertProblem(wrongType, 400, "revision", "type");

    var empty =
        mhlw()
            .post(
                "/api/notices",
                "{\"noticeId\":\"x\",\"series\":\"s\",\"revision\":1,\"issuedOn\":\"2024-01-01\",\"title\":\"\"}");
    assertProblem(empty, 400, "title", "");

    var badId =
        mhlw()
            .post(
                "/api/notices",
                Map.of(
                    "noticeId",
                    "Noto 8",
                    "series",
                    "s",
                    "revision",
                    1,
                    "issuedOn",
                    "2024-01-01",
                    "title",
                    "t"));
    assertProblem(badId, 400, "noticeId", "[a-z0-9-]");

    var anonymous = api().post("/api/regions/" + region + "/activate", period);
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");

    var wrongPassword =
        api().as("mhlw", "not-the-password").post("/api/regions/" + region + "/activate", period);
    assertThat(wrongPassword.status()).isEqualTo(401);

    var wrongRole = fund().post("/api/regions/" + region + "/activate", period);
    assertThat(wrongRole.status()).isEqualTo(403);
    assertThat(wrongRole.contentType()).startsWith("application/problem+json");

    var tooLarge = mhlw().post("/api/notices", "{\"title\":\"" + "x".repeat(70_000) + "\"}");
    assertThat(tooLarge.status()).isEqualTo(413);

    var neverActivated =
        mhlw()
            .post(
                "/api/regions/" + region + "/extend",
                Map.of("until", "2024-01-09", "noticeId", id));
    assertThat(neverActivated.status()).isEqualTo(409);
    assertThat(neverActivated.json().get("rule").asText()).isEqualTo("REGION_NEVER_ACTIVATED");

    assertThat(storedEvents()).isEqualTo(events);
    // The region is in the municipality master, so it is known; it has no recorded period.
    var never = monitor().get("/api/regions/" + region);
    assertThat(never.status()).isEqualTo(200);
    assertThat(never.json().get("periods")).isEmpty();
    assertThat(monitor().get("/api/regions/179990").status()).isEqualTo(404);
  }

  @Test
  void overlappingActivationsAndEarlierExtensionsAreRefused_aNewLaterPeriodIsNot() {
    String id = notice(TestCodes.series(), 1);
    String region = TestCodes.municipality();
    String path = "/api/regions/" + region;
    assertThat(
            mhlw()
                .post(
                    path + "/activate",
                    Map.of("from", "2024-01-01", "until", "2024-01-07", "noticeId", id))
                .status())
        .isEqualTo(201);
    long events = storedEvents();
    var overlap =
        mhlw()
            .post(
                path + "/activate",
                Map.of("from", "2024-01-07", "until", "2024-01-09", "noticeId", id));
    assertThat(overlap.json().get("rule").asText()).isEqualTo("PERIOD_OVERLAPS");
    var notLater = mhlw().post(path + "/extend", Map.of("until", "2024-01-07", "noticeId", id));
    assertThat(notLater.json().get("rule").asText()).isEqualTo("EXTENSION_NOT_LATER");
    var endBeforeStart =
        mhlw().post(path + "/end", Map.of("lastDay", "2023-12-31", "noticeId", id));
    assertThat(endBeforeStart.json().get("rule").asText()).isEqualTo("END_BEFORE_START");
    assertThat(storedEvents()).isEqualTo(events);

    var again =
        mhlw()
            .post(
                path + "/activate",
                Map.of("from", "2024-07-01", "until", "2024-07-07", "noticeId", id));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("periods")).hasSize(2);
    assertThat(monitor().get(path).json().at("/periods/1/from").asText()).isEqualTo("2024-07-01");
  }

  private static void assertProblem(Api.Reply reply, int status, String field, String message) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode error = reply.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(message);
  }
}
