package jp.emergencyaccess.ledger.workbench;

import static jp.emergencyaccess.ledger.workbench.WorkbenchWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.workbench.WorkbenchWorld.Place;
import org.junit.jupiter.api.Test;

/** The drill-downs by patient across facilities and by viewer, on H2 and PostgreSQL. */
abstract class DrillDownScenarios extends HttpTest {

  @Test
  void onePatientAcrossFacilities_andOneViewerWithinOne_withoutThePatientIdAnywhere() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place a = world.activeFacility();
    Place b = world.activeFacility();
    String patient = "wb-shared-" + a.account();
    String atA = world.consent(a, patient, false, at(7, 8, 0));
    String atB = world.consent(b, patient, false, at(7, 8, 0));
    for (int i = 0; i < 3; i++) {
      world.view(a, "dr-1", patient, atA, at(7, 10, i * 20));
    }
    world.view(a, "dr-1", "wb-other-" + a.account(), null, at(7, 10, 5));
    for (int i = 0; i < 2; i++) {
      world.view(b, "dr-9", patient, atB, at(7, 10, 10 + i * 20));
    }
    world.awaitAttempts(a.facilityCode(), 4);
    world.awaitAttempts(b.facilityCode(), 2);

    Api.Reply reply =
        fund().post("/api/drilldown/patient", Map.of("patientId", patient, "limit", 100));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode answer = reply.json();
    String ref = answer.get("patientRef").asText();
    assertThat(answer.get("facilities").toString())
        .isEqualTo("[\"" + a.facilityCode() + "\",\"" + b.facilityCode() + "\"]");
    assertThat(answer.get("items").findValuesAsText("facilityCode"))
        .containsExactly(
            a.facilityCode(),
            b.facilityCode(),
            a.facilityCode(),
            b.facilityCode(),
            a.facilityCode());
    assertThat(answer.get("items").findValuesAsText("patientRef")).containsOnly(ref);
    assertThat(reply.text()).doesNotContain(patient);

    JsonNode viewer = fund().get("/api/facilities/" + a.facilityCode() + "/viewers/dr-1").json();
    assertThat(viewer.get("items")).hasSize(4);
    assertThat(viewer.at("/perPatient/" + ref).asLong()).isEqualTo(3);
    assertThat(viewer.get("denied").asLong()).isEqualTo(1);
    assertThat(
            api()
                .as(b.account())
                .get("/api/facilities/" + a.facilityCode() + "/viewers/dr-1")
                .status())
        .isEqualTo(403);
    assertThat(
            api()
                .as(a.account())
                .get("/api/facilities/" + a.facilityCode() + "/viewers/dr-1")
                .status())
        .isEqualTo(200);

    JsonNode log = mhlw().get("/api/auditors-log?account=fund&limit=20").json();
    assertThat(log.toString()).contains("PATIENT_DRILLDOWN").contains(ref).doesNotContain(patient);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from auditor_log where subject like ? or filters like ?",
                Long.class,
                "%wb-shared%",
                "%wb-shared%"))
        .isZero();

    long before = storedEvents();
    assertThat(fund().post("/api/drilldown/patient", Map.of("patientId", "")).status())
        .isEqualTo(400);
    assertThat(
            fund()
                .post("/api/drilldown/patient", Map.of("patientId", patient, "limit", 0))
                .status())
        .isEqualTo(400);
    assertThat(
            api()
                .as(a.account())
                .post("/api/drilldown/patient", Map.of("patientId", patient))
                .status())
        .isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(before);
  }
}
