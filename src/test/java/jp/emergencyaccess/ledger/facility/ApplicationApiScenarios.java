package jp.emergencyaccess.ledger.facility;

import static jp.emergencyaccess.ledger.facility.Applications.ensureRegistered;
import static jp.emergencyaccess.ledger.facility.Applications.form;
import static jp.emergencyaccess.ledger.facility.Applications.submit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.Repeats;
import org.junit.jupiter.api.Test;

/** Applications and their decisions over real HTTP; run on H2 and on PostgreSQL. */
abstract class ApplicationApiScenarios extends HttpTest {
  static final String HIMI_CLINIC = "1610110023";
  static final String WAJIMA_PHARMACY = "1740210024";

  private Api as(String account) {
    return api().as(account);
  }

  @Test
  void theSameClientIdAgain_returnsTheSameApplication_andRecordsNothing() {
    ensureRegistered(mhlw(), HIMI_CLINIC, "CLINIC", "162051", "氷見診療所", "富山県氷見市1");
    var form = form(HIMI_CLINIC, "CLINIC", "2026-01-01", "2026-01-31");
    form.put("clientId", "himi-2026-01");
    var submitted = as("himi-clinic").post("/api/applications", form);
    assertThat(submitted.status()).as(submitted.toString()).isEqualTo(201);
    assertThat(submitted.json().get("replayed").asBoolean()).isFalse();
    String first = submitted.json().get("applicationId").asText();
    long events = storedEvents();
    long head = Repeats.head(jdbc);
    double replayed = Repeats.counted(monitor(), "SubmitApplication", "replayed");
    double refused = Repeats.counted(monitor(), "SubmitApplication", "refused");
    var again = as("himi-clinic").post("/api/applications", form);
    assertThat(again.status()).as(again.toString()).isEqualTo(201);
    assertThat(again.json())
        .isEqualTo(((ObjectNode) submitted.json().deepCopy()).put("replayed", true));
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.head(jdbc)).isEqualTo(head);
    assertThat(Repeats.counted(monitor(), "SubmitApplication", "replayed")).isEqualTo(replayed + 1);

    var otherReason = new LinkedHashMap<>(form);
    otherReason.put("reason", "別の理由");
    var changed = as("himi-clinic").post("/api/applications", otherReason);
    assertThat(changed.status()).isEqualTo(409);
    assertThat(changed.contentType()).startsWith("application/problem+json");
    assertThat(changed.json().get("rule").asText()).isEqualTo("REQUEST_ID_REUSED");
    assertThat(changed.json().get("detail").asText()).contains("with other reason;");
    var otherDay = new LinkedHashMap<>(form);
    otherDay.put("at", "2025-12-01T09:00:00+09:00");
    assertThat(as("himi-clinic").post("/api/applications", otherDay).json().get("rule").asText())
        .isEqualTo("REQUEST_ID_REUSED");
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(Repeats.counted(monitor(), "SubmitApplication", "refused")).isEqualTo(refused + 2);

    JsonNode read = fund().get("/api/applications/" + first).json();
    assertThat(read.get("status").asText()).isEqualTo("SUBMITTED");
    assertThat(read.get("clientId").asText()).isEqualTo("himi-2026-01");
    assertThat(read.get("submittedBy").asText()).isEqualTo("himi-clinic");
    assertThat(read.at("/attestations/sanctionsAcknowledged").asBoolean()).isTrue();
    assertThat(read.at("/applicant/name").asText()).isEqualTo("富山 花子");
    assertThat(read.get("requestedUntil").asText()).isEqualTo("2026-01-31");
    assertThat(read.get("decision").isNull()).isTrue();
  }

  @Test
  void anApplicationIsDecidedOnce_andRejectionKeepsItsReason() {
    ensureRegistered(mhlw(), HIMI_CLINIC, "CLINIC", "162051", "氷見診療所", "富山県氷見市1");
    String id = submit(as("himi-clinic"), form(HIMI_CLINIC, "CLINIC", "2026-02-01", "2026-02-28"));
    var rejected = mhlw().post("/api/applications/" + id + "/reject", Map.of("reason", "対象地域内のため"));
    assertThat(rejected.status()).as(rejected.toString()).isEqualTo(201);
    assertThat(rejected.json().get("status").asText()).isEqualTo("REJECTED");
    assertThat(rejected.json().at("/decision/reason").asText()).isEqualTo("対象地域内のため");
    assertThat(rejected.json().at("/decision/decidedBy").asText()).isEqualTo("mhlw");

    long events = storedEvents();
    var approveAfter =
        mhlw()
            .post(
                "/api/applications/" + id + "/approve",
                Map.of("from", "2026-02-01", "until", "2026-02-28"));
    assertThat(approveAfter.status()).isEqualTo(409);
    assertThat(approveAfter.json().get("rule").asText()).isEqualTo("APPLICATION_ALREADY_DECIDED");
    var rejectAgain = mhlw().post("/api/applications/" + id + "/reject", Map.of("reason", "x"));
    assertThat(rejectAgain.status()).isEqualTo(409);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(as("himi-clinic").get("/api/applications/" + id).json().get("status").asText())
        .isEqualTo("REJECTED");
  }

  @Test
  void approvalsActivate_thenExtendTheFacility_andExtendCitesAnApprovedApplication() {
    ensureRegistered(mhlw(), WAJIMA_PHARMACY, "PHARMACY", "172049", "輪島薬局", "石川県輪島市河井町1");
    Api wajima = as("wajima-pharmacy");
    String first = submit(wajima, form(WAJIMA_PHARMACY, "PHARMACY", "2025-05-01", "2025-05-31"));
    var approved =
        mhlw()
            .post(
                "/api/applications/" + first + "/approve",
                Map.of("from", "2025-05-01", "until", "2025-05-15"));
    assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
    assertThat(approved.json().at("/decision/until").asText()).isEqualTo("2025-05-15");
    assertThat(approved.json().get("requestedUntil").asText()).isEqualTo("2025-05-31");

    String second = submit(wajima, form(WAJIMA_PHARMACY, "PHARMACY", "2025-05-16", "2025-05-31"));
    assertThat(
            mhlw()
                .post(
                    "/api/applications/" + second + "/approve",
                    Map.of("from", "2025-05-16", "until", "2025-05-31"))
                .status())
        .isEqualTo(201);
    var extended =
        mhlw()
            .post(
                "/api/facilities/" + WAJIMA_PHARMACY + "/extend",
                Map.of("until", "2025-06-15", "applicationId", second));
    assertThat(extended.status()).as(extended.toString()).isEqualTo(201);
    JsonNode periods = extended.json().at("/activation/individualPeriods");
    assertThat(periods).hasSize(1);
    assertThat(periods.at("/0/from").asText()).isEqualTo("2025-05-01");
    assertThat(periods.at("/0/until").asText()).isEqualTo("2025-06-15");
    assertThat(periods.at("/0/activatedBy").asText()).isEqualTo(first);
    assertThat(periods.at("/0/applicationId").asText()).isEqualTo(second);

    long events = storedEvents();
    var notLater =
        mhlw()
            .post(
                "/api/facilities/" + WAJIMA_PHARMACY + "/extend",
                Map.of("until", "2025-06-01", "applicationId", second));
    assertThat(notLater.json().get("rule").asText()).isEqualTo("EXTENSION_NOT_LATER");
    String undecided =
        submit(wajima, form(WAJIMA_PHARMACY, "PHARMACY", "2025-07-01", "2025-07-31"));
    events = storedEvents();
    var citesUndecided =
        mhlw()
            .post(
                "/api/facilities/" + WAJIMA_PHARMACY + "/extend",
                Map.of("until", "2025-07-31", "applicationId", undecided));
    assertThat(citesUndecided.json().get("rule").asText()).isEqualTo("APPLICATION_NOT_APPROVED");
    var byFacility =
        wajima.post(
            "/api/facilities/" + WAJIMA_PHARMACY + "/extend",
            Map.of("until", "2025-07-31", "applicationId", second));
    assertThat(byFacility.status()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(events);
  }

  /** A decision cannot precede the submission it decides: 409, nothing recorded. */
  @Test
  void anApprovalDatedBeforeItsSubmission_isRefused_andRecordsNothing() {
    ensureRegistered(mhlw(), HIMI_CLINIC, "CLINIC", "162051", "氷見診療所", "富山県氷見市1");
    var form = form(HIMI_CLINIC, "CLINIC", "2027-04-01", "2027-04-30");
    form.put("at", "2025-07-10T10:00:00+09:00");
    String id = submit(as("himi-clinic"), form);
    long events = storedEvents();
    Map<String, Object> early =
        Map.of("from", "2027-04-01", "until", "2027-04-30", "at", "2025-07-10T09:59:59+09:00");
    var refused = mhlw().post("/api/applications/" + id + "/approve", early);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().get("rule").asText()).isEqualTo("DECISION_BEFORE_SUBMISSION");
    var rejectEarly =
        mhlw()
            .post(
                "/api/applications/" + id + "/reject",
                Map.of("reason", "x", "at", "2025-07-01T00:00:00+09:00"));
    assertThat(rejectEarly.status()).isEqualTo(409);
    assertThat(storedEvents()).isEqualTo(events);
    assertThat(fund().get("/api/applications/" + id).json().get("status").asText())
        .isEqualTo("SUBMITTED");
    Map<String, Object> then =
        Map.of("from", "2027-04-01", "until", "2027-04-30", "at", "2025-07-10T10:00:00+09:00");
    var approved = mhlw().post("/api/applications/" + id + "/approve", then);
    assertThat(approved.status()).as(approved.toString()).isEqualTo(201);
  }

  /**
   * The individual activation's basis names the application under which the lookup's instant was
   * first covered and the chain of applications, retroactive when approved after the lookup.
   */
  @Test
  void aLookupCoveredByTheFacilitysOwnActivation_namesItsApplication_andARetroactiveApproval() {
    ensureRegistered(mhlw(), WAJIMA_PHARMACY, "PHARMACY", "172049", "輪島薬局", "石川県輪島市河井町1");
    Api wajima = as("wajima-pharmacy");
    var firstForm = form(WAJIMA_PHARMACY, "PHARMACY", "2025-09-01", "2025-09-15");
    firstForm.put("at", "2025-09-01T08:00:00+09:00");
    String first = submit(wajima, firstForm);
    Map<String, Object> approveFirst =
        Map.of("from", "2025-09-01", "until", "2025-09-15", "at", "2025-09-03T10:00:00+09:00");
    assertThat(mhlw().post("/api/applications/" + first + "/approve", approveFirst).status())
        .isEqualTo(201);
    var secondForm = form(WAJIMA_PHARMACY, "PHARMACY", "2025-09-16", "2025-09-30");
    secondForm.put("at", "2025-09-10T08:00:00+09:00");
    String second = submit(wajima, secondForm);
    Map<String, Object> approveSecond =
        Map.of("from", "2025-09-16", "until", "2025-09-30", "at", "2025-09-20T10:00:00+09:00");
    assertThat(mhlw().post("/api/applications/" + second + "/approve", approveSecond).status())
        .isEqualTo(201);

    Map<String, Object> consent = new java.util.LinkedHashMap<>();
    consent.put("facilityCode", WAJIMA_PHARMACY);
    consent.put("patientId", "patient-wajima-basis");
    consent.put("basis", "ORAL");
    consent.put("identification", "INSURED_NUMBER");
    consent.put("recordedBy", "pharmacist Ono");
    consent.put("at", "2025-09-01T09:00:00+09:00");
    var consented = wajima.post("/api/consents", consent);
    assertThat(consented.status()).as(consented.toString()).isEqualTo(201);
    record Expected(String at, String applicationId, boolean retroactive) {}
    for (Expected lookup :
        List.of(
            new Expected("2025-09-02T10:00:00+09:00", first, true),
            new Expected("2025-09-05T10:00:00+09:00", first, false),
            new Expected("2025-09-18T10:00:00+09:00", second, true),
            new Expected("2025-09-25T10:00:00+09:00", second, false))) {
      Map<String, Object> view = new java.util.LinkedHashMap<>();
      view.put("requestId", "basis-" + java.util.UUID.randomUUID());
      view.put("facilityCode", WAJIMA_PHARMACY);
      view.put("viewerId", "ph-ono");
      view.put("viewerRole", "PHARMACIST");
      view.put("patientId", "patient-wajima-basis");
      view.put("categories", List.of("DISPENSING"));
      view.put("consentId", consented.json().get("consentId").asText());
      view.put("at", lookup.at());
      var viewed = wajima.post("/api/views", view);
      assertThat(viewed.status()).as(viewed.toString()).isEqualTo(201);
      JsonNode coveredBy = viewed.json().get("coveredBy");
      assertThat(coveredBy.get("kind").asText()).isEqualTo("FACILITY");
      assertThat(coveredBy.get("applicationId").asText())
          .as(lookup.at())
          .isEqualTo(lookup.applicationId());
      assertThat(coveredBy.get("applications").toString())
          .isEqualTo("[\"" + first + "\",\"" + second + "\"]");
      assertThat(coveredBy.get("retroactive").asBoolean())
          .as(lookup.at())
          .isEqualTo(lookup.retroactive());
    }
  }

  @Test
  void badApplicationsAreRefused_andRecordNothing() {
    ensureRegistered(mhlw(), HIMI_CLINIC, "CLINIC", "162051", "氷見診療所", "富山県氷見市1");
    Api himi = as("himi-clinic");
    long events = storedEvents();

    var notAttested = form(HIMI_CLINIC, "CLINIC", "2026-03-01", "2026-03-31");
    notAttested.put(
        "attestations",
        Map.of(
            "medicalCareOnly",
            true,
            "authorizedViewersOnly",
            true,
            "sanctionsAcknowledged",
            false));
    var refused = himi.post("/api/applications", notAttested);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().get("rule").asText()).isEqualTo("ATTESTATION_MISSING");
    assertThat(refused.json().get("detail").asText()).contains("sanctionsAcknowledged");

    var unanswered = form(HIMI_CLINIC, "CLINIC", "2026-03-01", "2026-03-31");
    unanswered.put("attestations", Map.of("medicalCareOnly", true));
    FacilityApiScenarios.assertProblem(
        himi.post("/api/applications", unanswered),
        "attestations.authorizedViewersOnly",
        "required");
    FacilityApiScenarios.assertProblem(
        himi.post("/api/applications", form(HIMI_CLINIC, "CLINIC", "2026-03-31", "2026-03-01")),
        "requestedUntil",
        "before");
    var noReason = form(HIMI_CLINIC, "CLINIC", "2026-03-01", "2026-03-31");
    noReason.put("reason", " ");
    FacilityApiScenarios.assertProblem(himi.post("/api/applications", noReason), "reason", "empty");
    FacilityApiScenarios.assertProblem(
        himi.post("/api/applications", form(HIMI_CLINIC, "PHARMACY", "2026-03-01", "2026-03-31")),
        "kind",
        "score-table");
    var unknownField = form(HIMI_CLINIC, "CLINIC", "2026-03-01", "2026-03-31");
    unknownField.put("priority", "high");
    FacilityApiScenarios.assertProblem(
        himi.post("/api/applications", unknownField), "priority", "not a known field");

    var unregistered =
        as("unregistered-clinic")
            .post("/api/applications", form("1710110022", "CLINIC", "2026-03-01", "2026-03-31"));
    assertThat(unregistered.status()).isEqualTo(409);
    assertThat(unregistered.json().get("rule").asText()).isEqualTo("FACILITY_UNKNOWN");

    var byMhlw =
        mhlw().post("/api/applications", form(HIMI_CLINIC, "CLINIC", "2026-03-01", "2026-03-31"));
    assertThat(byMhlw.status()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(events);

    assertThat(mhlw().get("/api/applications/00000000-0000-4000-8000-000000000000").status())
        .isEqualTo(404);
    FacilityApiScenarios.assertProblem(
        mhlw().get("/api/applications/not-an-id"), "applicationId", "UUID");
    assertThat(monitor().get("/api/applications/00000000-0000-4000-8000-000000000000").status())
        .isEqualTo(403);
  }
}
