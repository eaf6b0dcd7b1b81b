package jp.emergencyaccess.ledger.workbench;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static jp.emergencyaccess.ledger.workbench.WorkbenchWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.workbench.WorkbenchWorld.Place;
import org.junit.jupiter.api.Test;

/**
 * Alerts raised from the access history without anyone asking, on H2 and PostgreSQL over real HTTP:
 * the expected ones and no others, deduplicated when the history is replayed.
 */
abstract class AlertScenarios extends HttpTest {
  private static final String ALERT_RAISED = AlertRaised.class.getName();

  /**
   * 5 Feb: one patient looked up 6 times by dr-1 (over the flag's 5 a day), 10 lookups under the
   * exemption (the threshold), 5 denials of dr-3 (the threshold). 6 Feb: the same just below each
   * threshold: 5 lookups of one patient, 9 exemptions, 4 denials. Returns the lookups made.
   */
  static int planTwoDays(WorkbenchWorld world, Place place) {
    String repeat = world.consent(place, "wb-repeat-" + place.account(), false, at(5, 8, 0));
    for (int i = 0; i < 6; i++) {
      world.view(place, "dr-1", "wb-repeat-" + place.account(), repeat, at(5, 10, i * 5));
    }
    String five = world.consent(place, "wb-five-" + place.account(), false, at(6, 8, 0));
    for (int i = 0; i < 5; i++) {
      world.view(place, "dr-1", "wb-five-" + place.account(), five, at(6, 10, i * 5));
    }
    for (int day = 5; day <= 6; day++) {
      int exemptions = day == 5 ? 10 : 9;
      for (int i = 0; i < exemptions; i++) {
        String patient = "wb-ex-" + place.account() + "-" + day + "-" + i;
        String consent = world.consent(place, patient, true, at(day, 8, i));
        world.view(place, "dr-2", patient, consent, at(day, 12, i));
      }
      int denials = day == 5 ? 5 : 4;
      for (int i = 0; i < denials; i++) {
        world.view(place, "dr-3", "wb-no-consent-" + day + "-" + i, null, at(day, 14, i));
      }
    }
    return 6 + 5 + 10 + 9 + 5 + 4;
  }

  private long alertEvents(String facilityCode) {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype = ? and aggregateidentifier in"
            + " (select alert_id from alert where facility_code = ?)",
        Long.class,
        ALERT_RAISED,
        facilityCode);
  }

  @Test
  void theHistoryRaisesTheExpectedAlerts_withPlainReasons_andNoneBelowTheThresholds() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    int lookups = planTwoDays(world, place);
    world.awaitAttempts(place.facilityCode(), lookups);
    eventually(
        "three alerts of " + place.facilityCode(),
        () -> world.alerts(fund(), "?facility=" + place.facilityCode()).size() == 3);

    List<JsonNode> alerts = world.alerts(fund(), "?facility=" + place.facilityCode());
    assertThat(alerts)
        .extracting(a -> a.get("kind").asText())
        .containsExactly("REPEATED_PATIENT", "DENIALS", "EMERGENCY_EXEMPTIONS");
    assertThat(alerts).extracting(a -> a.get("risk").asLong()).containsExactly(360L, 200L, 100L);
    assertThat(alerts).allSatisfy(a -> assertThat(a.get("day").asText()).isEqualTo("2024-02-05"));
    assertThat(alerts).allSatisfy(a -> assertThat(a.get("status").asText()).isEqualTo("NEW"));

    JsonNode repeat = alerts.get(0);
    String ref = repeat.get("patientRef").asText();
    assertThat(repeat.get("viewerId").asText()).isEqualTo("dr-1");
    assertThat(repeat.get("lookups").asLong()).isEqualTo(6);
    assertThat(repeat.get("reasons").get(0).asText())
        .isEqualTo("患者 " + ref.substring(0, 4) + "… を 24 時間で 6 回照会 (閾値 5)");
    assertThat(repeat.get("reasons").get(1).asText()).isEqualTo("すべて閲覧者 dr-1 による照会");
    JsonNode history =
        fund()
            .get(
                "/api/facilities/"
                    + place.facilityCode()
                    + "/accesses?flag=REPEATED_PATIENT&limit=10")
            .json();
    assertThat(history.get("items").findValuesAsText("patientRef")).containsOnly(ref);

    assertThat(alerts.get(1).get("viewerId").asText()).isEqualTo("dr-3");
    assertThat(alerts.get(1).get("reasons").get(0).asText())
        .isEqualTo("閲覧者 dr-3 の拒否 5 件 (2024-02-05, 閾値 5)");
    assertThat(alerts.get(2).has("viewerId")).isFalse();
    assertThat(alerts.get(2).get("reasons").get(0).asText())
        .isEqualTo("2024-02-05 に同意なし (緊急例外) 10 件 (閾値 10)");
    // A second reason, the peers' median, depends on the other tests' clinics in Kagoshima: its
    // words and value are RankingScenarios', in a prefecture of its own.

    Api.Reply queue = fund().get("/api/alerts?facility=" + place.facilityCode());
    assertThat(queue.text()).doesNotContain("wb-repeat").doesNotContain("wb-ex-");
    assertThat(alertEvents(place.facilityCode())).isEqualTo(3);
  }

  @Test
  void aReplayOfTheHistoryRaisesNothingAgain() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    int lookups = planTwoDays(world, place);
    world.awaitAttempts(place.facilityCode(), lookups);
    eventually(
        "three alerts of " + place.facilityCode(), () -> alertEvents(place.facilityCode()) == 3);
    List<JsonNode> before = world.alerts(mhlw(), "?facility=" + place.facilityCode());

    Api.Reply reset = mhlw().post("/api/admin/processors/access-history/reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(202);
    long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    eventually(
        "access-history replayed up to " + head,
        () -> {
          JsonNode status = mhlw().get("/api/admin/processors/access-history").json();
          return status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head;
        });
    world.awaitAttempts(place.facilityCode(), lookups);

    assertThat(alertEvents(place.facilityCode())).isEqualTo(3);
    assertThat(world.alerts(mhlw(), "?facility=" + place.facilityCode())).isEqualTo(before);
  }

  /**
   * A queue request the ledger refuses is not a read of the logs: a cursor it never gave out (not
   * Base64, no separator, no number, a bad alert id), a bad limit or status, answer 400 and leave
   * no record in the auditors' log; so does an access history's page with such a cursor.
   */
  @Test
  void aQueueRequestWithABadCursorOrFilter_isRefused_andRecordsNothing() {
    Place place = new WorkbenchWorld(api()).activeFacility();
    String history = "/api/facilities/" + place.facilityCode() + "/accesses";
    for (String path :
        List.of(
            "/api/alerts?cursor=*not-base64*",
            "/api/alerts?cursor=bm90LWEtY3Vyc29y",
            "/api/alerts?cursor=eDphbGVydC0x",
            "/api/alerts?cursor=MTI6Li4vZXRj",
            "/api/alerts?limit=0",
            "/api/alerts?status=OPEN",
            "/api/alerts?prefecture=48",
            history + "?cursor=bm90LWEtY3Vyc29y",
            history + "?cursor=eDphbGVydC0x")) {
      long before = storedEvents();
      Api.Reply reply = fund().get(path);
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(storedEvents()).as("events stored after " + path).isEqualTo(before);
    }
  }
}
