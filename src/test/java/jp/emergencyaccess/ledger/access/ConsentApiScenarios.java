package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.consent.ConsentRecorded;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Repeats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Consent records over real HTTP, and the patientId kept out of everything; H2 and PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
abstract class ConsentApiScenarios extends HttpTest {
  private static final String AT = "2024-02-01T09:00:00+09:00";
  private AccessWorld world;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
  }

  private Map<String, Object> consentBody(String facilityCode, String patientId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", facilityCode);
    body.put("patientId", patientId);
    body.put("basis", "ORAL");
    body.put("identification", "FOUR_ATTRIBUTES");
    body.put("recordedBy", "pharmacist Oshiro");
    body.put("at", AT);
    return body;
  }

  @Test
  void aConsentIsRecordedOnce_perRequestId_underThePatientsPseudonym() {
    var clinic = world.registeredFacility();
    var body = consentBody(clinic.facilityCode(), "P-K-1");
    body.put("requestId", "consent-1");
    var first = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    String consentId = first.json().get("consentId").asText();
    String patientRef = first.json().get("patientRef").asText();
    assertThat(patientRef).matches("[0-9a-f]{32}");
    assertThat(first.json().get("at").asText()).isEqualTo("2024-02-01T09:00:00+09:00");

    var again = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.json().get("consentId").asText()).isEqualTo(consentId);
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(world.storedTypes(consentId)).containsExactly(ConsentRecorded.class.getName());

    var samePatient =
        world.recordConsent(clinic, clinic.facilityCode(), "P-K-1", "2024-02-02T09:00:00Z");
    assertThat(samePatient.json().get("patientRef").asText()).isEqualTo(patientRef);
    var otherPatient = world.recordConsent(clinic, clinic.facilityCode(), "P-K-2", AT);
    assertThat(otherPatient.json().get("patientRef").asText()).isNotEqualTo(patientRef);
  }

  @Test
  void anExemptionNeedsItsReason() {
    var clinic = world.registeredFacility();
    var body = consentBody(clinic.facilityCode(), "P-E-1");
    body.put("basis", "EMERGENCY_EXEMPTION");
    long events = storedEvents();
    var missing = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().at("/errors/0/field").asText()).isEqualTo("exemptionReason");
    assertThat(storedEvents()).isEqualTo(events);
    body.put("exemptionReason", "unconscious after the landslide, no family reachable");
    var recorded = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
    assertThat(recorded.json().get("basis").asText()).isEqualTo("EMERGENCY_EXEMPTION");
  }

  @Test
  void onlyTheOwnFacilityRecordsAndWithdraws_andAWithdrawalHappensOnce() {
    var clinic = world.registeredFacility();
    var neighbour = world.registeredFacility();
    long events = storedEvents();
    var foreign =
        world.keep(
            api()
                .as(clinic.account())
                .post("/api/consents", consentBody(neighbour.facilityCode(), "P-W-1")));
    assertThat(foreign.status()).isEqualTo(403);
    var ministry =
        world.keep(mhlw().post("/api/consents", consentBody(clinic.facilityCode(), "P-W-1")));
    assertThat(ministry.status()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(events);

    String consentId = world.consent(clinic, "P-W-1", AT);
    assertThat(world.withdraw(neighbour, consentId, "2024-02-02T09:00:00+09:00").status())
        .isEqualTo(403);
    var tooEarly = world.withdraw(clinic, consentId, "2024-02-01T08:59:59+09:00");
    assertThat(tooEarly.status()).isEqualTo(409);
    assertThat(tooEarly.json().get("rule").asText()).isEqualTo("WITHDRAWAL_BEFORE_CONSENT");
    var withdrawn = world.withdraw(clinic, consentId, "2024-02-02T09:00:00+09:00");
    assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(201);
    assertThat(withdrawn.json().get("withdrawnAt").asText()).isEqualTo("2024-02-02T09:00:00+09:00");
    var twice = world.withdraw(clinic, consentId, "2024-02-03T09:00:00+09:00");
    assertThat(twice.status()).isEqualTo(409);
    assertThat(twice.json().get("rule").asText()).isEqualTo("CONSENT_ALREADY_WITHDRAWN");
    assertThat(world.withdraw(clinic, UUID.randomUUID().toString(), AT).status()).isEqualTo(404);
    assertThat(world.withdraw(clinic, "not-a-consent", AT).status()).isEqualTo(400);
    assertThat(world.storedTypes(consentId)).hasSize(2);
  }

  @Test
  void theSameRequestIdAgain_answersTheRecord_andAnotherConsentUnderIt_isRefused(
      CapturedOutput output) {
    var clinic = world.registeredFacility();
    var body = consentBody(clinic.facilityCode(), "P-I-1");
    body.put("requestId", "consent-again");
    var first = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    double replayed = Repeats.counted(monitor(), "RecordConsent", "replayed");
    double refused = Repeats.counted(monitor(), "RecordConsent", "refused");
    int mark = output.length();

    var again = world.keep(api().as(clinic.account()).post("/api/consents", body));
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json())
        .isEqualTo(((ObjectNode) first.json().deepCopy()).put("replayed", true));
    Map<String, Map<String, Object>> others = new LinkedHashMap<>();
    others.put("patientId", with(body, "patientId", "P-I-2"));
    var exemption = with(body, "basis", "EMERGENCY_EXEMPTION");
    exemption.put("exemptionReason", "unconscious");
    others.put("basis", exemption);
    others.put("identification", with(body, "identification", "ID_DOCUMENT"));
    others.put("recordedBy", with(body, "recordedBy", "nurse Higa"));
    others.put("at", with(body, "at", "2024-02-01T09:00:01+09:00"));
    for (var other : others.entrySet()) {
      var reply = world.keep(api().as(clinic.account()).post("/api/consents", other.getValue()));
      assertThat(reply.status()).as(other.getKey() + ": " + reply).isEqualTo(409);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");
      assertThat(reply.json().get("detail").asText()).contains("with other " + other.getKey());
    }

    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).as("the store's head").isEqualTo(head);
    assertThat(Repeats.counted(monitor(), "RecordConsent", "replayed")).isEqualTo(replayed + 1);
    assertThat(Repeats.counted(monitor(), "RecordConsent", "refused"))
        .isEqualTo(refused + others.size());
    assertThat(logged.stream().filter(l -> l.contains("REQUEST_ID_REUSED"))).hasSize(others.size());
    assertThat(Repeats.stackTraceLines(logged)).isEmpty();
    assertThat(String.join("\n", logged)).doesNotContain("P-I-");
    String next = world.consent(clinic, "P-I-1", AT);
    assertThat(Repeats.globalIndexOf(jdbc, next)).isEqualTo(head + 1);
  }

  private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    changed.put(field, value);
    return changed;
  }

  @Test
  void aKnownPatientIdAppearsNowhere_inAnswers_storedEvents_tables_orLogs(CapturedOutput output) {
    String patientId = "PID" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
    var clinic = world.registeredFacility();
    var neighbour = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");

    String consentId = world.consent(clinic, patientId, AT);
    world.view(clinic, "p-1", patientId, consentId, "2024-02-20T10:00:00+09:00");
    world.view(clinic, "p-1", patientId, consentId, "2024-02-20T10:00:00+09:00");
    world.view(clinic, "p-2", patientId, consentId, "2024-03-20T10:00:00+09:00");
    world.view(clinic, "p-3", patientId, null, "2024-02-20T10:00:00+09:00");
    world.view(clinic, "p 4", patientId, consentId, "2024-02-20T10:00:00+09:00");
    world.view(clinic.account(), neighbour.facilityCode(), "p-5", patientId, consentId, AT);
    world.view(clinic, "p-6", patientId + "x".repeat(64), consentId, AT);
    world.recordConsent(clinic, clinic.facilityCode(), patientId + "y".repeat(64), AT);
    var wrongType = consentBody(clinic.facilityCode(), patientId);
    wrongType.put("basis", patientId);
    world.keep(api().as(clinic.account()).post("/api/consents", wrongType));
    world.keep(
        api()
            .as(clinic.account())
            .post(
                "/api/views",
                "{\"facilityCode\":\"" + clinic.facilityCode() + "\",\"patientId\":" + "12345}"));
    world.withdraw(clinic, consentId, "2024-02-21T10:00:00+09:00");
    assertThat(world.answers).hasSizeGreaterThan(10);
    assertThat(world.answers.stream().map(r -> r.status()).distinct().toList())
        .contains(201, 400, 403);

    for (var answer : world.answers) {
      assertThat(answer.text()).as(answer.toString()).doesNotContain(patientId);
      assertThat(answer.response().headers().map().toString()).doesNotContain(patientId);
    }
    List<String> stored =
        jdbc.query(
            "select payload, metadata from domainevententry",
            (rs, n) -> text(rs.getBytes(1)) + " " + text(rs.getBytes(2)));
    assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(patientId));
    assertThat(stored).anyMatch(row -> row.contains(consentId));
    List<String> consents =
        jdbc.query("select * from consent", (rs, n) -> rs.getString(1) + rs.getString(3));
    assertThat(consents).noneMatch(row -> row.contains(patientId));
    assertThat(output.getAll()).doesNotContain(patientId);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
  }
}
