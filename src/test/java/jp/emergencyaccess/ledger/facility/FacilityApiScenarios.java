package jp.emergencyaccess.ledger.facility;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Repeats;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Facility registration and master data over real HTTP; run on H2 and on PostgreSQL. */
@ExtendWith(OutputCaptureExtension.class)
abstract class FacilityApiScenarios extends HttpTest {

  static Map<String, Object> facility(String code, String kind, String municipality) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", code);
    body.put("kind", kind);
    body.put("name", "那覇テスト薬局");
    body.put("nameKana", "ナハテストヤッキョク");
    body.put("postalCode", "900-0001");
    body.put("address", "沖縄県那覇市泉崎1-1");
    body.put("municipalityCode", municipality);
    body.put("phone", "098-000-0000");
    return body;
  }

  @Test
  void mhlwRegistersAFacility_andEveryRoleReadsIt_butAFacilityOnlyItsOwn() {
    String code = TestCodes.facilityCode('4');
    var reply = mhlw().post("/api/facilities", facility(code, "PHARMACY", TestCodes.NAHA));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().get("facilityCode").asText()).isEqualTo(code);
    assertThat(reply.json().get("registeredAt").asText()).endsWith("+09:00");

    JsonNode read = fund().get("/api/facilities/" + code).json();
    assertThat(read.get("name").asText()).isEqualTo("那覇テスト薬局");
    assertThat(read.get("municipalityCode").asText()).isEqualTo(TestCodes.NAHA);
    assertThat(read.get("kind").asText()).isEqualTo("PHARMACY");
    assertThat(monitor().get("/api/facilities/" + code).status()).isEqualTo(200);

    var other = api().as("kanazawa-clinic").get("/api/facilities/" + code);
    assertThat(other.status()).isEqualTo(403);
    assertThat(other.contentType()).startsWith("application/problem+json");
    assertThat(api().as("kanazawa-clinic").get("/api/facilities/1710112341").status())
        .isIn(200, 404);
    assertThat(mhlw().get("/api/facilities/" + TestCodes.facilityCode('1')).status())
        .isEqualTo(404);
  }

  @Test
  void theSameRegistrationAgain_answersTheRecordedFacility_andOtherMasterData_isRefused(
      CapturedOutput output) {
    String code = TestCodes.facilityCode('4');
    var body = facility(code, "PHARMACY", TestCodes.NAHA);
    var first = mhlw().post("/api/facilities", body);
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    assertThat(first.json().get("replayed").asBoolean()).isFalse();
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    double replayed = Repeats.counted(monitor(), "RegisterFacility", "replayed");
    int mark = output.length();

    var again = mhlw().post("/api/facilities", body);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json().get("replayed").asBoolean()).isTrue();
    assertThat(again.json().get("registeredAt")).isEqualTo(first.json().get("registeredAt"));
    assertThat(again.json().get("name")).isEqualTo(first.json().get("name"));
    var otherPhone = new LinkedHashMap<>(body);
    otherPhone.put("phone", "098-000-0001");
    var other = mhlw().post("/api/facilities", otherPhone);
    assertThat(other.status()).isEqualTo(409);
    assertThat(other.json().get("rule").asText()).isEqualTo("FACILITY_ALREADY_REGISTERED");
    var otherDay = new LinkedHashMap<>(body);
    otherDay.put("at", "2024-01-01T09:00:00+09:00");
    assertThat(mhlw().post("/api/facilities", otherDay).status()).isEqualTo(409);

    List<String> logged = Repeats.linesSince(output.toString(), mark);
    assertThat(Repeats.stackTraceLines(logged)).isEmpty();
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).isEqualTo(head);
    assertThat(Repeats.counted(monitor(), "RegisterFacility", "replayed")).isEqualTo(replayed + 1);
  }

  @Test
  void badRegistrationsAreRefused_withAMessageThatSaysWhich_andRecordNothing() {
    String code = TestCodes.facilityCode('4');
    assertThat(mhlw().post("/api/facilities", facility(code, "PHARMACY", TestCodes.NAHA)).status())
        .isEqualTo(201);
    long events = storedEvents();

    var renamed = facility(code, "PHARMACY", TestCodes.NAHA);
    renamed.put("name", "那覇第二薬局");
    var again = mhlw().post("/api/facilities", renamed);
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("rule").asText()).isEqualTo("FACILITY_ALREADY_REGISTERED");

    String fresh = TestCodes.facilityCode('4');
    String badDigit = fresh.substring(0, 9) + ((fresh.charAt(9) - '0' + 1) % 10);
    assertProblem(
        mhlw().post("/api/facilities", facility(badDigit, "PHARMACY", TestCodes.NAHA)),
        "facilityCode",
        "check digit");
    assertProblem(
        mhlw().post("/api/facilities", facility(fresh, "HOSPITAL", TestCodes.NAHA)),
        "facilityCode",
        "does not fit kind HOSPITAL");
    assertProblem(
        mhlw().post("/api/facilities", facility(fresh, "PHARMACY", "172014")),
        "municipalityCode",
        "prefecture 17");
    assertProblem(
        mhlw().post("/api/facilities", facility("48" + fresh.substring(2), "PHARMACY", "172014")),
        "facilityCode",
        "prefecture number");
    assertProblem(
        mhlw().post("/api/facilities", facility(fresh.substring(1), "PHARMACY", TestCodes.NAHA)),
        "facilityCode",
        "10 digits");
    assertProblem(mhlw().get("/api/facilities/" + badDigit), "facilityCode", "check digit");

    var wrongRole = fund().post("/api/facilities", facility(fresh, "PHARMACY", TestCodes.NAHA));
    assertThat(wrongRole.status()).isEqualTo(403);
    var asFacility =
        api()
            .as("kanazawa-clinic")
            .post("/api/facilities", facility(fresh, "PHARMACY", TestCodes.NAHA));
    assertThat(asFacility.status()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(mhlw().get("/api/facilities/" + fresh).status()).isEqualTo(404);
  }

  @Test
  void aCodeOnTheLegacyList_isAcceptedDespiteItsCheckDigit_othersAreNot() {
    var legacy = mhlw().post("/api/facilities", facility("4711100013", "CLINIC", TestCodes.NAHA));
    assertThat(legacy.status()).as(legacy.toString()).isEqualTo(201);
    assertProblem(
        mhlw().post("/api/facilities", facility("4711100014", "CLINIC", TestCodes.NAHA)),
        "facilityCode",
        "check digit is wrong (expected 8)");
  }

  static void assertProblem(Api.Reply reply, String field, String message) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode error = reply.json().get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(message);
  }
}
