package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.facility.FacilityActivated;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The access decision over real HTTP, every answer recorded; run on H2 and on PostgreSQL. */
abstract class ViewApiScenarios extends HttpTest {
  private static final String LAST_MOMENT = "2024-02-29T23:59:59.999+09:00";
  private static final String NEXT_DAY = "2024-03-01T00:00:00+09:00";
  private static final String CONSENTED = "2024-02-01T09:00:00+09:00";

  @Autowired private EventGateway events;
  private AccessWorld world;

  @BeforeEach
  void setUpWorld() {
    world = new AccessWorld(api(), jdbc);
  }

  private static List<String> fieldNames(JsonNode json) {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static void assertDenied(Api.Reply reply, String... reasons) {
    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    JsonNode json = reply.json();
    assertThat(json.get("decision").asText()).isEqualTo("DENIED");
    assertThat(json.get("viewId").asText()).isNotBlank();
    List<String> actual = new ArrayList<>();
    json.get("reasons").forEach(r -> actual.add(r.asText()));
    assertThat(actual).containsExactly(reasons);
  }

  @Test
  void aLookupIsAllowedUntilTheLastMillisecondOfThePeriodInJapan_andDeniedAtMidnight() {
    var clinic = world.registeredFacility();
    String notice = world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-JST-1", CONSENTED);

    var allowed = world.view(clinic, "jst-1", "P-JST-1", consent, LAST_MOMENT);
    assertThat(allowed.status()).as(allowed.toString()).isEqualTo(201);
    JsonNode json = allowed.json();
    assertThat(json.get("decision").asText()).isEqualTo("ALLOWED");
    assertThat(json.at("/coveredBy/kind").asText()).isEqualTo("REGION");
    assertThat(json.at("/coveredBy/regionCode").asText()).isEqualTo(clinic.municipality());
    assertThat(json.at("/coveredBy/noticeId").asText()).isEqualTo(notice);
    assertThat(json.get("consentBasis").asText()).isEqualTo("ORAL");
    assertThat(json.get("identification").asText()).isEqualTo("INSURED_NUMBER");
    assertThat(json.get("at").asText()).isEqualTo("2024-02-29T23:59:59.999+09:00");
    assertThat(fieldNames(json)).containsExactlyInAnyOrderElementsOf(LookupRequest.ANSWER_FIELDS);
    assertThat(world.storedTypes(json.get("viewId").asText()))
        .containsExactly(MedicalInfoViewed.class.getName());

    var denied = world.view(clinic, "jst-2", "P-JST-1", consent, NEXT_DAY);
    assertDenied(denied, "NOT_ACTIVATED");
    assertThat(denied.json().get("coveredBy").isNull()).isTrue();
    assertThat(denied.json().get("at").asText()).isEqualTo(NEXT_DAY);
    assertThat(fieldNames(denied.json())).containsAll(LookupRequest.ANSWER_FIELDS);
    assertThat(world.storedTypes(denied.json().get("viewId").asText()))
        .containsExactly(MedicalInfoViewDenied.class.getName());
  }

  @Test
  void consentsThatDoNotFit_areDeniedWithTheirReason_andEachDenialIsRecorded() {
    var clinic = world.registeredFacility();
    var neighbour = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String at = "2024-02-20T10:00:00+09:00";
    String later = world.consent(clinic, "P-C-1", "2024-02-20T10:00:00.001+09:00");
    String neighbours = world.consent(neighbour, "P-C-1", CONSENTED);
    String otherPatients = world.consent(clinic, "P-C-2", CONSENTED);
    String withdrawn = world.consent(clinic, "P-C-1", CONSENTED);
    assertThat(world.withdraw(clinic, withdrawn, "2024-02-20T09:59:59.999+09:00").status())
        .isEqualTo(201);
    long before = world.storedViewsOf(clinic.facilityCode());

    var recordedAfter = world.view(clinic, "c-1", "P-C-1", later, at);
    assertDenied(recordedAfter, "CONSENT_MISSING");
    var ofAnotherFacility = world.view(clinic, "c-2", "P-C-1", neighbours, at);
    assertDenied(ofAnotherFacility, "CONSENT_MISMATCH");
    var ofAnotherPatient = world.view(clinic, "c-3", "P-C-1", otherPatients, at);
    assertDenied(ofAnotherPatient, "CONSENT_MISMATCH");
    var afterWithdrawal = world.view(clinic, "c-4", "P-C-1", withdrawn, at);
    assertDenied(afterWithdrawal, "CONSENT_WITHDRAWN");
    var without = world.view(clinic, "c-5", "P-C-1", null, at);
    assertDenied(without, "CONSENT_MISSING");

    assertThat(world.storedViewsOf(clinic.facilityCode())).isEqualTo(before + 5);
    for (var denial :
        List.of(recordedAfter, ofAnotherFacility, ofAnotherPatient, afterWithdrawal, without)) {
      assertThat(world.storedTypes(denial.json().get("viewId").asText()))
          .containsExactly(MedicalInfoViewDenied.class.getName());
    }
    var beforeWithdrawal =
        world.view(clinic, "c-6", "P-C-1", withdrawn, "2024-02-20T09:59:59.999+09:00");
    assertThat(beforeWithdrawal.status()).as(beforeWithdrawal.toString()).isEqualTo(201);
  }

  @Test
  void anUnregisteredFacility_isDeniedWithEveryReason() {
    var stranger = world.unregisteredFacility();
    var reply = world.view(stranger, "u-1", "P-U-1", null, "2024-02-20T10:00:00+09:00");
    assertDenied(reply, "FACILITY_UNKNOWN", "NOT_ACTIVATED", "CONSENT_MISSING");
    assertThat(world.storedTypes(reply.json().get("viewId").asText())).hasSize(1);
  }

  @Test
  void anIndividualActivation_coversTheFacilityOutsideActivatedRegions() {
    var clinic = world.registeredFacility();
    // Applications come with another feature; its approval records this event.
    events.publish(
        new FacilityActivated(
            clinic.facilityCode(),
            LocalDate.parse("2024-03-01"),
            LocalDate.parse("2024-03-31"),
            "app-" + clinic.account(),
            java.time.Instant.parse("2024-02-29T00:00:00Z")));
    String consent = world.consent(clinic, "P-I-1", CONSENTED);
    var reply = world.view(clinic, "i-1", "P-I-1", consent, "2024-03-31T23:59:59.999+09:00");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    assertThat(reply.json().at("/coveredBy/kind").asText()).isEqualTo("FACILITY");
    assertThat(reply.json().at("/coveredBy/applicationId").asText())
        .isEqualTo("app-" + clinic.account());
    assertDenied(
        world.view(clinic, "i-2", "P-I-1", consent, "2024-04-01T00:00:00+09:00"), "NOT_ACTIVATED");
  }

  @Test
  void aSuspensionDeniesLookupsUntilTheServiceIsResumed() {
    var clinic = world.registeredFacility();
    world.activate(clinic.municipality(), "2024-02-01", "2024-02-29");
    String consent = world.consent(clinic, "P-S-1", CONSENTED);
    // The implementing body suspends the facility's service under an inquiry, then resumes it.
    String inquiry =
        fund()
            .post(
                "/api/inquiries",
                java.util.Map.of(
                    "facilityCode",
                    clinic.facilityCode(),
                    "reason",
                    "misuse",
                    "at",
                    "2024-02-01T00:00:00+09:00"))
            .json()
            .get("inquiryId")
            .asText();
    measure(inquiry, "suspend", "2024-02-10T00:00:00+09:00");
    measure(inquiry, "resume", "2024-02-15T00:00:00+09:00");

    assertThat(world.view(clinic, "s-1", "P-S-1", consent, "2024-02-09T23:59:59+09:00").status())
        .isEqualTo(201);
    assertDenied(
        world.view(clinic, "s-2", "P-S-1", consent, "2024-02-10T00:00:00+09:00"),
        "FACILITY_SUSPENDED");
    assertDenied(
        world.view(clinic, "s-3", "P-S-1", null, "2024-02-14T23:59:59+09:00"),
        "FACILITY_SUSPENDED",
        "CONSENT_MISSING");
    assertThat(world.view(clinic, "s-4", "P-S-1", consent, "2024-02-15T00:00:00+09:00").status())
        .isEqualTo(201);
  }

  private void measure(String inquiryId, String measure, String at) {
    var body =
        measure.equals("suspend")
            ? java.util.Map.of("reason", "misuse", "at", at)
            : java.util.Map.of("at", at);
    var reply = fund().post("/api/inquiries/" + inquiryId + "/" + measure, body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
  }

  @Test
  void aFacilityAccountNamingAnotherFacility_isRefused_andNoViewIsRecorded() {
    var clinic = world.registeredFacility();
    var neighbour = world.registeredFacility();
    long events = storedEvents();
    var reply =
        world.view(clinic.account(), neighbour.facilityCode(), "x-1", "P-X-1", null, NEXT_DAY);
    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.json().has("viewId")).isFalse();
    var mhlw = world.keep(mhlw().post("/api/views", "{}"));
    assertThat(mhlw.status()).isEqualTo(403);
    var badShape = world.view(clinic, "x 2", "P-X-1", null, NEXT_DAY);
    assertThat(badShape.status()).isEqualTo(400);
    assertThat(badShape.json().at("/errors/0/field").asText()).isEqualTo("requestId");
    assertThat(storedEvents()).isEqualTo(events);
  }
}
