package jp.emergencyaccess.ledger.access;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded basis of a decision over real HTTP: the notice under which the instant was first
 * covered, the chain of the period, whether it was retroactive; and a facility that is unknown
 * before its registration. Run on H2 and on PostgreSQL.
 */
abstract class BasisScenarios extends HttpTest {
  private AccessWorld world;
  private Ministry ministry;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
    ministry = new Ministry(api());
  }

  private String notice(String series, int revision, String issuedOn) {
    return ministry.issuesRevision("basis", series, revision, issuedOn, "basis test " + revision);
  }

  /** Extends or ends the region's period: a step of these scenarios alone, so not in Ministry. */
  private void region(String region, String action, Map<String, Object> body) {
    Api.Reply reply = mhlw().post("/api/regions/" + region + "/" + action, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private JsonNode accesses(String facilityCode, long expected) {
    JsonNode[] page = new JsonNode[1];
    eventually(
        facilityCode + " has " + expected + " attempts",
        () -> {
          page[0] = fund().get("/api/facilities/" + facilityCode + "/accesses").json();
          // The rows and the summary are read by two queries: a batch may commit between them.
          return page[0].at("/summary/attempts").asLong() == expected
              && page[0].get("items").size() == expected;
        });
    return page[0];
  }

  private static JsonNode item(JsonNode page, String viewId) {
    for (JsonNode item : page.get("items")) {
      if (item.get("viewId").asText().equals(viewId)) {
        return item;
      }
    }
    throw new AssertionError("no row of view " + viewId + " in " + page);
  }

  /**
   * A notice issued on 2024-02-03 that switched a region on from 2024-02-01 covers a lookup of
   * 2024-02-02 retroactively, one of its own issue day not; a lookup after the period's first last
   * day is covered by the extension. The event, the answer, the history row, the CSV, the FHIR
   * export and the activation check all say the same.
   */
  @Test
  void aNoticeIssuedAfterTheLookup_isARetroactiveBasis_andEveryAnswerShowsTheChain() {
    var clinic = world.registeredFacility();
    String series = TestCodes.series();
    String activation = notice(series, 1, "2024-02-03");
    String extension = notice(series, 2, "2024-02-05");
    ministry.activates(clinic.municipality(), "2024-02-01", "2024-02-05", activation);
    region(clinic.municipality(), "extend", Map.of("until", "2024-02-20", "noticeId", extension));
    String consent = world.consent(clinic, "P-B-1", "2024-02-01T09:00:00+09:00");

    record Expected(String at, String noticeId, boolean retroactive) {}
    List<Expected> lookups =
        List.of(
            new Expected("2024-02-02T10:00:00+09:00", activation, true),
            new Expected("2024-02-03T08:00:00+09:00", activation, false),
            new Expected("2024-02-12T10:00:00+09:00", extension, false));
    Map<String, Expected> byView = new LinkedHashMap<>();
    for (Expected lookup : lookups) {
      Api.Reply viewed = world.view(clinic, TestCodes.noticeId("b"), "P-B-1", consent, lookup.at());
      assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
      JsonNode coveredBy = viewed.json().get("coveredBy");
      assertThat(coveredBy.get("noticeId").asText()).as(lookup.at()).isEqualTo(lookup.noticeId());
      assertThat(texts(coveredBy.get("notices"))).containsExactly(activation, extension);
      assertThat(coveredBy.get("retroactive").asBoolean())
          .as(lookup.at())
          .isEqualTo(lookup.retroactive());
      String viewId = viewed.json().get("viewId").asText();
      byView.put(viewId, lookup);
      String stored =
          jdbc.queryForObject(
              "select payload from domainevententry where aggregateidentifier = ?",
              (rs, n) -> new String(rs.getBytes(1), java.nio.charset.StandardCharsets.UTF_8),
              viewId);
      assertThat(stored)
          .contains("\"noticeId\":\"" + lookup.noticeId() + "\"")
          .contains("\"notices\":[\"" + activation + "\",\"" + extension + "\"]")
          .contains("\"retroactive\":" + lookup.retroactive());
    }

    JsonNode page = accesses(clinic.facilityCode(), 3);
    for (var entry : byView.entrySet()) {
      JsonNode coveredBy = item(page, entry.getKey()).get("coveredBy");
      assertThat(coveredBy.get("kind").asText()).isEqualTo("REGION");
      assertThat(coveredBy.get("regionCode").asText()).isEqualTo(clinic.municipality());
      assertThat(coveredBy.get("noticeId").asText()).isEqualTo(entry.getValue().noticeId());
      assertThat(texts(coveredBy.get("notices"))).containsExactly(activation, extension);
      assertThat(coveredBy.get("retroactive").asBoolean())
          .isEqualTo(entry.getValue().retroactive());
    }

    String retroactiveView = byView.keySet().iterator().next();
    String csv = fund().get("/api/facilities/" + clinic.facilityCode() + "/accesses.csv").text();
    List<String> header = List.of(csv.lines().findFirst().orElseThrow().substring(1).split(","));
    String row = csv.lines().filter(l -> l.startsWith(retroactiveView)).findFirst().orElseThrow();
    List<String> cells = List.of(row.split(",", -1));
    assertThat(cells.get(header.indexOf("coveredByNoticeId"))).isEqualTo(activation);
    assertThat(cells.get(header.indexOf("coveredByChain"))).isEqualTo(activation + ";" + extension);
    assertThat(cells.get(header.indexOf("coveredByRetroactive"))).isEqualTo("true");

    String fhir = fund().get("/api/facilities/" + clinic.facilityCode() + "/accesses/fhir").text();
    assertThat(fhir)
        .contains(
            "\"valueString\":\"REGION " + clinic.municipality() + " notice " + activation + "\"")
        .contains("\"valueString\":\"" + activation + "," + extension + "\"")
        .contains("\"type\":\"coveredByRetroactive\",\"valueString\":\"true\"");

    JsonNode check =
        monitor()
            .get(
                "/api/activation/check?facility="
                    + clinic.facilityCode()
                    + "&at=2024-02-02T10:00%2B09:00")
            .json();
    assertThat(check.at("/basis/0/noticeId").asText()).as(check.toString()).isEqualTo(activation);
    assertThat(texts(check.at("/basis/0/notices"))).containsExactly(activation, extension);
    assertThat(check.at("/basis/0/retroactive").asBoolean()).isTrue();
    JsonNode regionCheck =
        monitor()
            .get("/api/activation/check?region=" + clinic.municipality() + "&at=2024-02-12")
            .json();
    assertThat(regionCheck.at("/basis/0/noticeId").asText()).isEqualTo(extension);
    assertThat(regionCheck.at("/basis/0/retroactive").asBoolean()).isFalse();
  }

  /**
   * A period ended early and then extended again: a day the end cut off is covered by the extension
   * (the activation's coverage of it did not last), retroactively when the extension came after it;
   * a day the end kept is covered by the activation.
   */
  @Test
  void aDayCutOffByAnEnd_andCoveredAgain_isCoveredByTheLaterExtension() {
    var clinic = world.registeredFacility();
    String series = TestCodes.series();
    String activation = notice(series, 1, "2024-03-01");
    String end = notice(series, 2, "2024-03-05");
    String extension = notice(series, 3, "2024-03-15");
    ministry.activates(clinic.municipality(), "2024-03-01", "2024-03-31", activation);
    region(clinic.municipality(), "end", Map.of("lastDay", "2024-03-10", "noticeId", end));
    region(clinic.municipality(), "extend", Map.of("until", "2024-03-25", "noticeId", extension));
    String consent = world.consent(clinic, "P-B-2", "2024-03-01T09:00:00+09:00");

    JsonNode kept =
        world
            .view(clinic, TestCodes.noticeId("b"), "P-B-2", consent, "2024-03-08T10:00:00+09:00")
            .json()
            .get("coveredBy");
    assertThat(kept.get("noticeId").asText()).isEqualTo(activation);
    assertThat(kept.get("retroactive").asBoolean()).isFalse();
    JsonNode cutOff =
        world
            .view(clinic, TestCodes.noticeId("b"), "P-B-2", consent, "2024-03-12T10:00:00+09:00")
            .json()
            .get("coveredBy");
    assertThat(cutOff.get("noticeId").asText()).as(cutOff.toString()).isEqualTo(extension);
    assertThat(texts(cutOff.get("notices"))).containsExactly(activation, end, extension);
    assertThat(cutOff.get("retroactive").asBoolean()).isTrue();
  }

  /**
   * A facility registered at T is not registered before T: a lookup a second earlier is denied
   * FACILITY_UNKNOWN and recorded; at T it is allowed. The activation check says the same.
   */
  @Test
  void aLookupBeforeTheFacilitysRegistration_isDeniedFacilityUnknown_andRecorded() {
    var clinic = world.unregisteredFacility();
    ministry.registers(
        clinic.facilityCode(),
        "CLINIC",
        "Clinic " + clinic.account(),
        clinic.municipality(),
        "2024-02-10T09:00:00+09:00");
    String notice = world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-B-3", "2024-02-10T08:00:00+09:00");

    Api.Reply before =
        world.view(clinic, TestCodes.noticeId("b"), "P-B-3", consent, "2024-02-10T08:59:59+09:00");
    assertThat(before.status()).as(before.toString()).isEqualTo(403);
    assertThat(texts(before.json().get("reasons"))).containsExactly("FACILITY_UNKNOWN");
    assertThat(before.json().at("/coveredBy/noticeId").asText())
        .as("the region was switched on; the facility was not registered yet")
        .isEqualTo(notice);
    assertThat(world.storedTypes(before.json().get("viewId").asText()))
        .containsExactly(MedicalInfoViewDenied.class.getName());

    Api.Reply atT =
        world.view(clinic, TestCodes.noticeId("b"), "P-B-3", consent, "2024-02-10T09:00:00+09:00");
    assertThat(atT.status()).as(atT.toString()).isEqualTo(201);

    String check = "/api/activation/check?facility=" + clinic.facilityCode() + "&at=";
    JsonNode early = monitor().get(check + "2024-02-10T08:59:59%2B09:00").json();
    assertThat(early.get("active").asBoolean()).as(early.toString()).isFalse();
    assertThat(texts(early.get("reasons"))).containsExactly("FACILITY_UNKNOWN");
    assertThat(monitor().get(check + "2024-02-10T09:00%2B09:00").json().get("active").asBoolean())
        .isTrue();
  }
}
