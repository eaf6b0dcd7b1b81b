package jp.emergencyaccess.ledger.workbench;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.workbench.WorkbenchWorld.Place;
import org.junit.jupiter.api.Test;

/**
 * Triage over real HTTP on H2 and PostgreSQL: NEW → UNDER_REVIEW → DISMISSED or ESCALATED into the
 * facility's one inquiry, what a facility may see of it, and refusals that record nothing.
 */
abstract class TriageScenarios extends HttpTest {
  private static final String T = "2024-03-01T10:00:00+09:00";

  /** A facility whose three alerts of 5 Feb are raised (AlertScenarios.planTwoDays). */
  private List<JsonNode> threeAlerts(WorkbenchWorld world, Place place) {
    int lookups = AlertScenarios.planTwoDays(world, place);
    world.awaitAttempts(place.facilityCode(), lookups);
    eventually(
        "three alerts of " + place.facilityCode(),
        () -> world.alerts(fund(), "?facility=" + place.facilityCode()).size() == 3);
    return world.alerts(fund(), "?facility=" + place.facilityCode());
  }

  private JsonNode accepted(String alertId, String step, Map<String, ?> body) {
    Api.Reply reply = fund().post("/api/alerts/" + alertId + "/" + step, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json();
  }

  private void refused(Api as, String alertId, String step, Map<String, ?> body, int status) {
    long before = storedEvents();
    Api.Reply reply = as.post("/api/alerts/" + alertId + "/" + step, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void alertsOfOneFacilityAreEscalatedIntoOneInquiry_whoseSuspensionFollows() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    List<JsonNode> alerts = threeAlerts(world, place);
    String first = alerts.get(0).get("alertId").asText();
    String second = alerts.get(1).get("alertId").asText();

    JsonNode taken = accepted(first, "take", Map.of("at", T));
    assertThat(taken.get("status").asText()).isEqualTo("UNDER_REVIEW");
    assertThat(taken.get("assignee").asText()).isEqualTo("fund");
    assertThat(taken.get("changedBy").asText()).isEqualTo("fund");
    assertThat(taken.get("changedAt").asText()).isEqualTo(T);
    JsonNode escalated = accepted(first, "escalate", Map.of("at", T));
    assertThat(escalated.get("status").asText()).isEqualTo("ESCALATED");
    String inquiry = escalated.get("inquiryId").asText();

    accepted(second, "take", Map.of("assignee", "fund", "at", T));
    JsonNode joined = accepted(second, "escalate", Map.of("at", T));
    assertThat(joined.get("inquiryId").asText()).isEqualTo(inquiry);
    assertThat(fund().get("/api/inquiries?facilityCode=" + place.facilityCode()).text())
        .contains(inquiry);

    Api.Reply suspended =
        fund()
            .post(
                "/api/inquiries/" + inquiry + "/suspend",
                Map.of("reason", "repeated lookups of one patient", "at", T));
    assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
    assertThat(suspended.json().at("/serviceStatus/status").asText()).isEqualTo("SUSPENDED");
    assertThat(world.alerts(mhlw(), "?status=ESCALATED&facility=" + place.facilityCode()))
        .extracting(a -> a.get("alertId").asText())
        .containsExactly(first, second);

    refused(fund(), first, "take", Map.of("at", T), 409);
    refused(fund(), first, "dismiss", Map.of("reason", "OTHER", "note", "late", "at", T), 409);
  }

  @Test
  void aDismissedAlertStaysDismissed_whenItsWindowIsJudgedAgain() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    String alert = threeAlerts(world, place).get(2).get("alertId").asText();
    accepted(alert, "take", Map.of("at", T));
    JsonNode dismissed =
        accepted(
            alert,
            "dismiss",
            Map.of("reason", "DISASTER_RESPONSE", "note", "earthquake on 5 Feb", "at", T));
    assertThat(dismissed.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(dismissed.get("dismissReason").asText()).isEqualTo("DISASTER_RESPONSE");
    assertThat(dismissed.get("note").asText()).isEqualTo("earthquake on 5 Feb");

    Api.Reply reset = mhlw().post("/api/admin/processors/access-history/reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(202);
    long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    eventually(
        "access-history replayed up to " + head,
        () -> {
          JsonNode status = mhlw().get("/api/admin/processors/access-history").json();
          return status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head;
        });
    JsonNode again = fund().get("/api/alerts/" + alert).json();
    assertThat(again.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(world.alerts(fund(), "?status=NEW&facility=" + place.facilityCode())).hasSize(2);
  }

  @Test
  void aFacilityReadsItsOwnAlerts_withoutInternalNotes_andNoOtherFacilitys() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    List<JsonNode> alerts = threeAlerts(world, place);
    String alert = alerts.get(0).get("alertId").asText();
    accepted(alert, "take", Map.of("at", T));
    accepted(alert, "dismiss", Map.of("reason", "OTHER", "note", "内部メモ: 確認済み", "at", T));

    Api own = api().as(place.account());
    Api.Reply mine = own.get("/api/alerts");
    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.json().get("items").findValuesAsText("facilityCode"))
        .containsOnly(place.facilityCode())
        .hasSize(3);
    JsonNode shown = own.get("/api/alerts/" + alert).json();
    assertThat(shown.get("status").asText()).isEqualTo("DISMISSED");
    assertThat(shown.has("note")).isFalse();
    assertThat(shown.has("assignee")).isFalse();
    assertThat(shown.has("dismissReason")).isFalse();
    assertThat(mine.text()).doesNotContain("内部メモ");

    Api other = api().as("workbench-12");
    assertThat(other.get("/api/alerts/" + alert).status()).isEqualTo(404);
    assertThat(other.get("/api/alerts?facility=" + place.facilityCode()).status()).isEqualTo(403);
    assertThat(other.get("/api/alerts").json().get("items").findValuesAsText("facilityCode"))
        .doesNotContain(place.facilityCode());
    refused(own, alerts.get(1).get("alertId").asText(), "take", Map.of(), 403);
  }

  @Test
  void badInputIsRefusedWith400_andNothingIsRecorded() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    String alert = threeAlerts(world, place).get(0).get("alertId").asText();
    refused(fund(), alert, "take", Map.of("assignee", "mhlw"), 400);
    refused(fund(), alert, "take", Map.of("assignee", "nobody"), 400);
    refused(fund(), alert, "take", Map.of("at", "2200-01-01T00:00:00+09:00"), 400);
    refused(fund(), "alert-not-a-uuid", "take", Map.of(), 400);
    accepted(alert, "take", Map.of("at", T));
    refused(fund(), alert, "dismiss", Map.of("reason", "BORED", "note", "x"), 400);
    refused(fund(), alert, "dismiss", Map.of("reason", "OTHER"), 400);
    for (String query :
        List.of(
            "?status=OPEN",
            "?facility=123",
            "?prefecture=48",
            "?from=2024-13-01",
            "?from=2024-02-06&to=2024-02-05",
            "?cursor=bm9wZQ",
            "?limit=0")) {
      Api.Reply reply = fund().get("/api/alerts" + query);
      assertThat(reply.status()).as(query + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void everyReadByFundAndEveryTriageStepIsInTheAuditorsLog_readableByMhlwOnly() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place place = world.activeFacility();
    String alert = threeAlerts(world, place).get(0).get("alertId").asText();
    String f = place.facilityCode();
    assertThat(fund().get("/api/facilities/" + f + "/accesses?flag=DENIED&limit=5").status())
        .isEqualTo(200);
    assertThat(fund().get("/api/facilities/" + f + "/accesses.csv?from=2024-02-05").text())
        .isNotEmpty();
    assertThat(fund().get("/api/facilities/" + f + "/accesses/fhir").status()).isEqualTo(200);
    assertThat(fund().get("/api/alerts/" + alert).status()).isEqualTo(200);
    accepted(alert, "take", Map.of("at", T));
    long before = storedEvents();
    assertThat(fund().get("/api/alerts?status=BAD").status()).isEqualTo(400);
    assertThat(storedEvents()).as("a refused read records nothing").isEqualTo(before);

    Api.Reply log = mhlw().get("/api/auditors-log?account=fund&limit=500");
    assertThat(log.status()).as(log.toString()).isEqualTo(200);
    List<String> mine =
        java.util.stream.StreamSupport.stream(log.json().get("items").spliterator(), false)
            .filter(
                e -> e.get("subject").asText().equals(f) || e.get("subject").asText().equals(alert))
            .map(e -> e.get("action").asText() + " " + e.get("filters").asText())
            .toList();
    assertThat(mine)
        .containsSubsequence(
            "ALERT_TAKEN assignee=fund",
            "ALERT ",
            "ACCESS_FHIR ",
            "ACCESS_CSV from=2024-02-05",
            "ACCESS_HISTORY flag=DENIED&limit=5");
    assertThat(log.json().findValuesAsText("role")).containsOnly("FUND");
    assertThat(log.text()).doesNotContain("wb-repeat").doesNotContain("wb-ex-");
    assertThat(fund().get("/api/auditors-log").status()).isEqualTo(403);
    assertThat(api().as(place.account()).get("/api/auditors-log").status()).isEqualTo(403);
  }
}
