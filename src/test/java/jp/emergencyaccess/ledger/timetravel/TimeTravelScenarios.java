package jp.emergencyaccess.ledger.timetravel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import jp.emergencyaccess.ledger.activation.NoticeSeriesLoader;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two time axes over real HTTP, on the 2024 Noto series loaded through the loader. The context
 * is shared and notice ids are fixed, so the series is loaded (idempotently) before each test and
 * every assertion looks only at the Noto codes.
 */
abstract class TimeTravelScenarios extends HttpTest {
  @Autowired NoticeSeriesLoader loader;

  @BeforeEach
  void loadNoto() {
    loader.load(NoticeSeriesLoader.NOTO_2024);
  }

  static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  Set<String> activeNotoRegions(String query) {
    Api.Reply reply = monitor().get("/api/activation?" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return list(reply.json().get("regions")).stream()
        .map(r -> r.get("regionCode").asText())
        .filter(NotoFacts.EVERY_CODE::contains)
        .collect(Collectors.toSet());
  }

  @Test
  void loadingTheSeriesAgain_recordsNothing_andNoticesShowWhatIsConfirmed() {
    long events = storedEvents();
    NoticeSeriesLoader.Report again = loader.load(NoticeSeriesLoader.NOTO_2024);
    assertThat(again.recordedNothing()).as(again.toString()).isTrue();
    assertThat(again.noticesSkipped()).isEqualTo(6);
    assertThat(storedEvents()).isEqualTo(events);

    Map<String, JsonNode> notices =
        list(monitor().get("/api/notices").json()).stream()
            .filter(n -> n.get("series").asText().equals("noto-2024"))
            .collect(Collectors.toMap(n -> n.get("noticeId").asText(), n -> n));
    assertThat(notices.keySet()).containsExactlyInAnyOrderElementsOf(NotoFacts.REVISIONS);
    assertThat(notices.get(NotoFacts.EXT_2_7).get("confirmation").asText())
        .startsWith("NOT confirmed");
    assertThat(notices.get(NotoFacts.EXT_8).get("confirmation").asText())
        .startsWith("confirmed (the seed document)");
    assertThat(notices.get(NotoFacts.EXT_8).get("revision").asInt()).isEqualTo(5);
  }

  /** Expected active municipalities per revision and date, from the domain facts. */
  @Test
  void eachRevision_activatesExactlyTheMunicipalitiesItsNoticesSay() {
    String jan3 = "2024-01-03T12:00%2B09:00";
    String jan10 = "2024-01-10";
    String jan20 = "2024-01-20";
    String feb14Last = "2024-02-14T23:59:59.999%2B09:00";
    String feb20 = "2024-02-20T10:15%2B09:00";
    String mar7Last = "2024-03-07T23:59:59.999%2B09:00";
    String mar8 = "2024-03-08T00:00%2B09:00";
    Set<String> none = Set.of();
    Map<String, Map<String, Set<String>>> expected =
        Map.of(
            NotoFacts.SCOPE_1,
            Map.of(jan3, NotoFacts.FIRST_33, jan10, none, feb20, none),
            NotoFacts.SCOPE_2,
            Map.of(jan3, NotoFacts.ALL_47, jan10, none, feb20, none),
            NotoFacts.EXT_1,
            Map.of(jan3, NotoFacts.ALL_47, jan10, NotoFacts.EXTENDED_18, jan20, none),
            NotoFacts.EXT_2_7,
            Map.of(
                jan10, NotoFacts.EXTENDED_18,
                jan20, NotoFacts.TWENTY,
                feb14Last, NotoFacts.TWENTY,
                feb20, none),
            NotoFacts.EXT_8,
            Map.of(feb14Last, NotoFacts.TWENTY, feb20, NotoFacts.ISHIKAWA_19, "2024-03-01", none),
            NotoFacts.EXT_9,
            Map.of(
                jan3, NotoFacts.ALL_47,
                feb20, NotoFacts.ISHIKAWA_19,
                mar7Last, NotoFacts.ISHIKAWA_19,
                mar8, none));
    expected.forEach(
        (revision, byDate) ->
            byDate.forEach(
                (at, regions) ->
                    assertThat(activeNotoRegions("at=" + at + "&revision=" + revision))
                        .as("revision %s at %s", revision, at)
                        .containsExactlyInAnyOrderElementsOf(regions)));
    // Without a revision: everything recorded, i.e. the latest revision.
    assertThat(activeNotoRegions("at=" + mar7Last))
        .containsExactlyInAnyOrderElementsOf(NotoFacts.ISHIKAWA_19);
  }

  @Test
  void check_answersForARevision_withTheNoticeBehindIt() {
    String at = "&at=2024-02-20T10:15%2B09:00";
    JsonNode before =
        monitor()
            .get(
                "/api/activation/check?region="
                    + NotoFacts.NANAO
                    + at
                    + "&revision="
                    + NotoFacts.EXT_2_7)
            .json();
    assertThat(before.get("active").asBoolean()).isFalse();
    assertThat(before.get("reasons").toString()).contains("NOT_ACTIVATED");
    JsonNode after =
        monitor()
            .get(
                "/api/activation/check?region="
                    + NotoFacts.NANAO
                    + at
                    + "&revision="
                    + NotoFacts.EXT_8)
            .json();
    assertThat(after.get("active").asBoolean()).isTrue();
    assertThat(after.at("/basis/0/noticeId").asText()).isEqualTo(NotoFacts.EXT_8);
    assertThat(monitor().get("/api/activation?revision=no-such-notice").status()).isEqualTo(404);
  }

  @Test
  void knownAt_beforeAChangeWasRecorded_doesNotSeeIt() {
    JsonNode timeline = monitor().get("/api/regions/" + NotoFacts.NANAO + "/timeline").json();
    JsonNode extension =
        list(timeline.get("changes")).stream()
            .filter(c -> c.get("noticeId").asText().equals(NotoFacts.EXT_8))
            .findFirst()
            .orElseThrow();
    Instant recorded =
        java.time.OffsetDateTime.parse(extension.get("recordedAt").asText()).toInstant();
    String feb20 = "at=2024-02-20&knownAt=";
    assertThat(activeNotoRegions(feb20 + encode(recorded.minusMillis(1))))
        .doesNotContain(NotoFacts.NANAO);
    assertThat(activeNotoRegions(feb20 + encode(recorded))).contains(NotoFacts.NANAO);
    String check = "/api/activation/check?region=" + NotoFacts.NANAO + "&" + feb20;
    assertThat(
            monitor().get(check + encode(recorded.minusMillis(1))).json().get("active").asBoolean())
        .isFalse();
    assertThat(monitor().get(check + encode(recorded)).json().get("active").asBoolean()).isTrue();
  }

  @Test
  void revision_ignoresLaterNotices_evenWhenTheyWereRecordedEarlier() {
    String series = TestCodes.series();
    String second = notice(series, 2);
    String early = TestCodes.municipality();
    activate(early, second);
    Instant between = Instant.now();
    String first = notice(series, 1);
    String late = TestCodes.municipality();
    activate(late, first);

    assertThat(regions("revision=" + first)).contains(late).doesNotContain(early);
    assertThat(regions("revision=" + second)).contains(late, early);
    assertThat(regions("knownAt=" + encode(between))).contains(early).doesNotContain(late);
    assertThat(regions("revision=" + first + "&knownAt=" + encode(between)))
        .doesNotContain(early, late);
  }

  @Test
  void diff_showsWhatARevisionChangedAgainstTheOneBefore() {
    JsonNode ext8 = monitor().get("/api/notices/" + NotoFacts.EXT_8 + "/diff").json();
    assertThat(ext8.at("/previous/noticeId").asText()).isEqualTo(NotoFacts.EXT_2_7);
    assertThat(ext8.get("activated")).isEmpty();
    assertThat(codes(ext8.get("extended")))
        .containsExactlyInAnyOrderElementsOf(NotoFacts.ISHIKAWA_19);
    assertThat(list(ext8.get("extended")))
        .allSatisfy(
            e -> {
              assertThat(e.get("previousUntil").asText()).isEqualTo("2024-02-14");
              assertThat(e.get("until").asText()).isEqualTo("2024-02-29");
            });
    assertThat(codes(ext8.get("ended"))).containsExactly(NotoFacts.HIMI);
    assertThat(ext8.at("/ended/0/previousUntil").asText()).isEqualTo("2024-02-14");
    assertThat(ext8.at("/ended/0/until").asText()).isEqualTo("2024-02-14");

    JsonNode ext27 = monitor().get("/api/notices/" + NotoFacts.EXT_2_7 + "/diff").json();
    assertThat(codes(ext27.get("activated")))
        .containsExactlyInAnyOrderElementsOf(NotoFacts.ADDED_LATER);
    assertThat(ext27.at("/activated/0/from").asText()).isEqualTo("2024-01-12");
    assertThat(codes(ext27.get("extended")))
        .containsExactlyInAnyOrderElementsOf(NotoFacts.EXTENDED_18);

    JsonNode first = monitor().get("/api/notices/" + NotoFacts.SCOPE_1 + "/diff").json();
    assertThat(first.get("previous").isNull()).isTrue();
    assertThat(codes(first.get("activated")))
        .containsExactlyInAnyOrderElementsOf(NotoFacts.FIRST_33);
    assertThat(monitor().get("/api/notices/no-such-notice/diff").status()).isEqualTo(404);
    assertThat(monitor().get("/api/notices/NOT_AN_ID/diff").status()).isEqualTo(400);
  }

  @Test
  void timeline_listsEveryChangeInOrder_withItsNotice() {
    JsonNode timeline = monitor().get("/api/regions/" + NotoFacts.NANAO + "/timeline").json();
    assertThat(timeline.get("name").asText()).isEqualTo("七尾市");
    List<JsonNode> changes = list(timeline.get("changes"));
    assertThat(changes.stream().map(c -> c.get("noticeId").asText()))
        .containsExactly(
            NotoFacts.SCOPE_1,
            NotoFacts.EXT_1,
            NotoFacts.EXT_2_7,
            NotoFacts.EXT_8,
            NotoFacts.EXT_9);
    assertThat(changes.stream().map(c -> c.get("change").asText()))
        .containsExactly("ACTIVATED", "EXTENDED", "EXTENDED", "EXTENDED", "EXTENDED");
    assertThat(changes.stream().map(c -> c.get("until").asText()))
        .containsExactly("2024-01-07", "2024-01-14", "2024-02-14", "2024-02-29", "2024-03-07");
    assertThat(changes.get(0).get("at").asText()).isEqualTo("2024-01-01T09:00:00+09:00");
    assertThat(changes.get(4).get("at").asText()).isEqualTo("2024-02-27T09:00:00+09:00");
    assertThat(changes.get(0).get("recordedAt").asText()).endsWith("+09:00");
    JsonNode period = timeline.at("/periods/0");
    assertThat(timeline.get("periods")).hasSize(1);
    assertThat(period.get("from").asText()).isEqualTo("2024-01-01");
    assertThat(period.get("until").asText()).isEqualTo("2024-03-07");
    assertThat(period.get("activatedBy").asText()).isEqualTo(NotoFacts.SCOPE_1);
    assertThat(monitor().get("/api/regions/123456/timeline").status()).isEqualTo(400);
  }

  /** The re-judging account's facility: a clinic in 七尾市 that no other test uses. */
  static final String NANAO_CLINIC = "1710990019";

  /**
   * Registers the re-judging account's clinic unless it is there, as registered in December 2023:
   * before every lookup of these scenarios.
   */
  private void nanaoClinic() {
    if (monitor().get("/api/facilities/" + NANAO_CLINIC).status() == 404) {
      Map<String, Object> clinic = new java.util.LinkedHashMap<>();
      clinic.put("facilityCode", NANAO_CLINIC);
      clinic.put("kind", "CLINIC");
      clinic.put("name", "七尾テストクリニック");
      clinic.put("nameKana", "ナナオテストクリニック");
      clinic.put("postalCode", "926-8611");
      clinic.put("address", "石川県七尾市袖ケ江町イ部25");
      clinic.put("municipalityCode", NotoFacts.NANAO);
      clinic.put("phone", "0767-53-1111");
      clinic.put("at", "2023-12-01T09:00:00+09:00");
      Api.Reply registered = mhlw().post("/api/facilities", clinic);
      assertThat(registered.status()).as(registered.toString()).isIn(201, 409);
    }
  }

  /** An oral consent of the clinic's patient, and a lookup citing it; returns the answer. */
  private Api.Reply nanaoLookup(String patientId, String consentAt, String at) {
    Api clinic = api().as("nanao-rejudge");
    Map<String, Object> consent = new java.util.LinkedHashMap<>();
    consent.put("facilityCode", NANAO_CLINIC);
    consent.put("patientId", patientId);
    consent.put("basis", "ORAL");
    consent.put("identification", "INSURED_NUMBER");
    consent.put("recordedBy", "nurse Sato");
    consent.put("at", consentAt);
    Api.Reply consented = clinic.post("/api/consents", consent);
    assertThat(consented.status()).as(consented.toString()).isEqualTo(201);
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("requestId", TestCodes.noticeId("basis"));
    view.put("facilityCode", NANAO_CLINIC);
    view.put("viewerId", "dr-sato");
    view.put("viewerRole", "DOCTOR");
    view.put("patientId", patientId);
    view.put("categories", List.of("MEDICATION"));
    view.put("consentId", consented.json().get("consentId").asText());
    view.put("at", at);
    return clinic.post("/api/views", view);
  }

  /**
   * With the whole series recorded (up to (その9), issued 2024-02-27), a lookup in 七尾市 names the
   * notice under which its instant was first covered, not the one that set today's last day; the
   * chain is the period's whole series of notices; none of them came after the lookup.
   */
  @Test
  void aJanuaryLookupInNanao_namesTheNoticeThatFirstCoveredIt_withTheWholeChain() {
    nanaoClinic();
    List<String> chain =
        List.of(
            NotoFacts.SCOPE_1,
            NotoFacts.EXT_1,
            NotoFacts.EXT_2_7,
            NotoFacts.EXT_8,
            NotoFacts.EXT_9);
    Map<String, String> firstCoveredBy =
        Map.of(
            "2024-01-03T12:00:00+09:00", NotoFacts.SCOPE_1,
            "2024-01-10T09:30:00+09:00", NotoFacts.EXT_1,
            "2024-01-20T15:00:00+09:00", NotoFacts.EXT_2_7,
            "2024-03-05T11:00:00+09:00", NotoFacts.EXT_9);
    String patientId = "patient-" + TestCodes.noticeId("p");
    String jan10ViewId = null;
    for (var lookup : firstCoveredBy.entrySet()) {
      Api.Reply viewed = nanaoLookup(patientId, "2024-01-02T09:00:00+09:00", lookup.getKey());
      assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
      JsonNode coveredBy = viewed.json().get("coveredBy");
      assertThat(coveredBy.get("kind").asText()).isEqualTo("REGION");
      assertThat(coveredBy.get("regionCode").asText()).isEqualTo(NotoFacts.NANAO);
      assertThat(coveredBy.get("noticeId").asText())
          .as(lookup.getKey() + " " + coveredBy)
          .isEqualTo(lookup.getValue());
      assertThat(list(coveredBy.get("notices")).stream().map(JsonNode::asText).toList())
          .isEqualTo(chain);
      assertThat(coveredBy.get("retroactive").asBoolean()).isFalse();
      if (lookup.getKey().startsWith("2024-01-10")) {
        jan10ViewId = viewed.json().get("viewId").asText();
      }
    }

    JsonNode check =
        monitor()
            .get("/api/activation/check?facility=" + NANAO_CLINIC + "&at=2024-01-10T09:30%2B09:00")
            .json();
    assertThat(check.get("active").asBoolean()).as(check.toString()).isTrue();
    assertThat(check.at("/basis/0/noticeId").asText()).isEqualTo(NotoFacts.EXT_1);
    assertThat(list(check.at("/basis/0/notices")).stream().map(JsonNode::asText).toList())
        .isEqualTo(chain);
    assertThat(check.at("/basis/0/retroactive").asBoolean()).isFalse();
    assertThat(check.at("/basis/0/until").asText()).isEqualTo("2024-03-07");

    JsonNode rejudged = fund().get("/api/views/" + jan10ViewId + "/rejudge").json();
    assertThat(rejudged.at("/original/coveredBy/noticeId").asText()).isEqualTo(NotoFacts.EXT_1);
    assertThat(rejudged.at("/rejudged/coveredBy/noticeId").asText()).isEqualTo(NotoFacts.EXT_1);
    JsonNode underExt1 =
        fund().get("/api/views/" + jan10ViewId + "/rejudge?revision=" + NotoFacts.EXT_1).json();
    assertThat(list(underExt1.at("/rejudged/coveredBy/notices")).stream().map(JsonNode::asText))
        .as("as of (その1) of the extensions, the chain ends there")
        .containsExactly(NotoFacts.SCOPE_1, NotoFacts.EXT_1);
  }

  @Test
  void aViewInNanaoOnFebruary20_isAllowedUnderTheEighthNotice_andDeniedUnderTheOneBefore() {
    nanaoClinic();
    Api clinic = api().as("nanao-rejudge");
    String patientId = "patient-" + TestCodes.noticeId("p");
    Map<String, Object> consent = new java.util.LinkedHashMap<>();
    consent.put("facilityCode", NANAO_CLINIC);
    consent.put("patientId", patientId);
    consent.put("basis", "ORAL");
    consent.put("identification", "INSURED_NUMBER");
    consent.put("recordedBy", "nurse Sato");
    consent.put("at", "2024-02-20T10:00:00+09:00");
    Api.Reply consented = clinic.post("/api/consents", consent);
    assertThat(consented.status()).as(consented.toString()).isEqualTo(201);
    Map<String, Object> view = new java.util.LinkedHashMap<>();
    view.put("requestId", TestCodes.noticeId("rejudge"));
    view.put("facilityCode", NANAO_CLINIC);
    view.put("viewerId", "dr-sato");
    view.put("viewerRole", "DOCTOR");
    view.put("patientId", patientId);
    view.put("categories", List.of("MEDICATION"));
    view.put("consentId", consented.json().get("consentId").asText());
    view.put("at", "2024-02-20T10:15:00+09:00");
    Api.Reply viewed = clinic.post("/api/views", view);
    assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
    String viewId = viewed.json().get("viewId").asText();

    JsonNode under8 =
        fund().get("/api/views/" + viewId + "/rejudge?revision=" + NotoFacts.EXT_8).json();
    assertThat(under8.at("/original/decision").asText()).isEqualTo("ALLOWED");
    assertThat(under8.at("/rejudged/decision").asText()).as(under8.toString()).isEqualTo("ALLOWED");
    assertThat(under8.at("/rejudged/coveredBy/noticeId").asText()).isEqualTo(NotoFacts.EXT_8);
    assertThat(under8.get("changed").asBoolean()).isFalse();

    JsonNode under27 =
        mhlw().get("/api/views/" + viewId + "/rejudge?revision=" + NotoFacts.EXT_2_7).json();
    assertThat(under27.at("/original/decision").asText()).isEqualTo("ALLOWED");
    assertThat(under27.at("/rejudged/decision").asText())
        .as(under27.toString())
        .isEqualTo("DENIED");
    assertThat(under27.at("/rejudged/reasons").toString()).isEqualTo("[\"NOT_ACTIVATED\"]");
    assertThat(under27.get("changed").asBoolean()).isTrue();
    assertThat(under27.get("at").asText()).isEqualTo("2024-02-20T10:15:00+09:00");

    String facilityCheck =
        "/api/activation/check?facility=" + NANAO_CLINIC + "&at=2024-02-20T10:15%2B09:00";
    JsonNode checkUnder27 =
        monitor()
            .get(facilityCheck + "&revision=" + NotoFacts.EXT_2_7 + "&knownAt=2030-01-01")
            .json();
    assertThat(checkUnder27.get("active").asBoolean()).as(checkUnder27.toString()).isFalse();
    assertThat(checkUnder27.get("knownAt").asText()).isEqualTo("2030-01-01T00:00:00+09:00");
    JsonNode checkUnder8 = monitor().get(facilityCheck + "&revision=" + NotoFacts.EXT_8).json();
    assertThat(checkUnder8.at("/basis/0/noticeId").asText()).isEqualTo(NotoFacts.EXT_8);

    assertThat(
            monitor().get("/api/views/" + viewId + "/rejudge?revision=" + NotoFacts.EXT_8).status())
        .isEqualTo(403);
    assertThat(clinic.get("/api/views/" + viewId + "/rejudge").status()).isEqualTo(403);
    assertThat(fund().get("/api/views/" + java.util.UUID.randomUUID() + "/rejudge").status())
        .isEqualTo(404);
    assertThat(fund().get("/api/views/not-a-view/rejudge").status()).isEqualTo(400);
    assertThat(fund().get("/api/views/" + viewId + "/rejudge?revision=no-such").status())
        .isEqualTo(404);
  }

  private static Set<String> codes(JsonNode array) {
    return list(array).stream().map(e -> e.get("regionCode").asText()).collect(Collectors.toSet());
  }

  private Set<String> regions(String query) {
    return list(monitor().get("/api/activation?at=2024-05-10&" + query).json().get("regions"))
        .stream()
        .map(r -> r.get("regionCode").asText())
        .collect(Collectors.toSet());
  }

  private static String encode(Instant instant) {
    return instant.toString();
  }

  private String notice(String series, int revision) {
    return new Ministry(api())
        .issuesRevision("tt", series, revision, "2024-05-01", "revision " + revision);
  }

  private void activate(String region, String noticeId) {
    new Ministry(api()).activates(region, "2024-05-01", "2024-05-31", noticeId);
  }
}
