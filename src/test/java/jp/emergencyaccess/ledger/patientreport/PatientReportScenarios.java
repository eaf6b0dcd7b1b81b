package jp.emergencyaccess.ledger.patientreport;

import static jp.emergencyaccess.ledger.patientreport.ReportWorld.body;
import static jp.emergencyaccess.ledger.patientreport.ReportWorld.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.emergencyaccess.ledger.history.FhirCheck;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.SseClient;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A patient's access report and the AuditEvent search over real HTTP (docs/patient-report.md), on
 * H2 and PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class PatientReportScenarios extends HttpTest {
  private ReportWorld world;

  @BeforeEach
  void setUpWorld() {
    world = new ReportWorld(api(), jdbc);
  }

  private static String patientId() {
    return "PID" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  /** The patient of three lookups: with consent, under the exemption, and denied. */
  private record Three(
      String patientId,
      String patientRef,
      ReportWorld.Place hospital,
      ReportWorld.Place pharmacy,
      ReportWorld.Place clinic,
      String consentId) {}

  private Three threeLookups() {
    var hospital = world.facility("HOSPITAL", "那覇テスト病院");
    var pharmacy = world.facility("PHARMACY", "首里<テスト>薬局");
    var clinic = world.facility("CLINIC", "浦添テスト診療所");
    String patientId = patientId();
    String consentId = world.consent(hospital, patientId, "ORAL", "2024-02-20T09:00:00+09:00");
    world.view(hospital, patientId, consentId, "2024-02-20T10:00:00+09:00", "MEDICATION");
    String exemption =
        world.consent(pharmacy, patientId, "EMERGENCY_EXEMPTION", "2024-02-21T11:00:00+09:00");
    world.view(
        pharmacy, patientId, exemption, "2024-02-21T11:30:00+09:00", "PRESCRIPTION", "DISPENSING");
    String patientRef =
        world.view(clinic, patientId, null, "2024-02-22T08:15:00+09:00", "CLINICAL");
    // Another patient, looked up at the same hospital in the same period.
    String other = patientId();
    String otherConsent = world.consent(hospital, other, "ORAL", "2024-02-20T12:00:00+09:00");
    String otherRef = world.view(hospital, other, otherConsent, "2024-02-20T12:30:00+09:00");
    world.awaitAttempts(patientRef, 3);
    world.awaitAttempts(otherRef, 1);
    return new Three(patientId, patientRef, hospital, pharmacy, clinic, consentId);
  }

  @Test
  void aPatientsReport_showsExactlyTheirThreeLookups_newestFirst_atFacilityLevel() {
    Three t = threeLookups();
    long requestsBefore = world.storedRequests();
    var reply = world.report("portal", body(t.patientId(), "2024-02-01", "2024-02-29"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    JsonNode report = reply.json();
    assertThat(report.get("total").asLong()).isEqualTo(3);
    JsonNode items = report.get("items");
    assertThat(items).hasSize(3);
    assertThat(texts(items, "facilityName")).containsExactly("浦添テスト診療所", "首里<テスト>薬局", "那覇テスト病院");
    assertThat(texts(items, "facilityKind")).containsExactly("CLINIC", "PHARMACY", "HOSPITAL");
    assertThat(texts(items, "facilityKindLabel")).containsExactly("診療所", "薬局", "病院");
    assertThat(texts(items, "at"))
        .containsExactly(
            "2024-02-22T08:15:00+09:00", "2024-02-21T11:30:00+09:00", "2024-02-20T10:00:00+09:00");
    assertThat(texts(items, "decision")).containsExactly("DENIED", "ALLOWED", "ALLOWED");
    assertThat(texts(items, "basis")).containsExactly("NONE", "EMERGENCY_EXEMPTION", "CONSENT");
    assertThat(items.get(0).get("categories").toString()).isEqualTo("[\"CLINICAL\"]");
    assertThat(items.get(1).get("categories").toString())
        .isEqualTo("[\"PRESCRIPTION\",\"DISPENSING\"]");
    assertThat(items.get(2).get("coveredBy").get("kind").asText()).isEqualTo("REGION");
    assertThat(items.get(2).get("coveredBy").get("noticeId").asText()).startsWith("report-");
    JsonNode facilities = report.get("facilities");
    assertThat(facilities).hasSize(3);
    assertThat(texts(facilities, "facilityCode"))
        .containsExactlyInAnyOrder(
            t.hospital().facilityCode(), t.pharmacy().facilityCode(), t.clinic().facilityCode());
    for (JsonNode f : facilities) {
      assertThat(f.get("lookups").asLong()).isEqualTo(1);
    }
    // No viewer, consent, view id or flag; never the patientId.
    String text = reply.text();
    assertThat(text)
        .doesNotContain("dr-kinjo")
        .doesNotContain(t.consentId())
        .doesNotContain("viewerId")
        .doesNotContain("viewId")
        .doesNotContain("flags")
        .doesNotContain("REPEATED_PATIENT")
        .doesNotContain(t.patientId());
    // This request is recorded once, under the patientRef, and shown in the report.
    assertThat(world.storedRequests()).isEqualTo(requestsBefore + 1);
    assertThat(report.get("requests")).hasSize(1);
    assertThat(report.get("requests").get(0).get("requestedBy").asText()).isEqualTo("portal");

    var english =
        world.report("portal", with(body(t.patientId(), "2024-02-01", "2024-12-31"), "lang", "en"));
    assertThat(english.status()).as(english.toString()).isEqualTo(200);
    assertThat(texts(english.json().get("items"), "facilityKindLabel"))
        .containsExactly("clinic", "pharmacy", "hospital");
    assertThat(english.json().get("requests")).hasSize(2);
  }

  @Test
  void thePrintablePage_showsTheSameRows_escaped() {
    Three t = threeLookups();
    var json = world.report("portal", body(t.patientId(), "2024-02-01", "2024-02-29"));
    var page = world.print("portal", body(t.patientId(), "2024-02-01", "2024-02-29"));
    assertThat(page.status()).as(page.toString()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    String html = page.text();
    assertThat(html).contains("<html lang=\"ja\">").contains("医療情報の閲覧記録");
    String lookups = html.substring(html.indexOf("<table class=\"lookups\">"));
    lookups = lookups.substring(0, lookups.indexOf("</table>"));
    List<String> rows = new ArrayList<>();
    Matcher row = Pattern.compile("<tr><td>([^<]*)</td><td>([^<]*)</td>").matcher(lookups);
    while (row.find()) {
      rows.add(row.group(1) + " " + row.group(2));
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode item : json.json().get("items")) {
      String name = item.get("facilityName").asText().replace("<", "&lt;").replace(">", "&gt;");
      expected.add(item.get("at").asText().substring(0, 19).replace('T', ' ') + " " + name);
    }
    assertThat(rows).hasSize(3).isEqualTo(expected);
    assertThat(html).contains("首里&lt;テスト&gt;薬局").doesNotContain("<テスト>");
    assertThat(html).doesNotContain(t.patientId()).doesNotContain("dr-kinjo");
  }

  @Test
  void theReportCoversWholeDaysInJapan_fromTheFirstInstantOfFrom_toTheLastOfTo() {
    var clinic = world.facility("CLINIC", "境界テスト診療所");
    String patientId = patientId();
    String ref = world.view(clinic, patientId, null, "2024-03-31T23:59:59+09:00");
    world.view(clinic, patientId, null, "2024-03-31T15:00:00Z"); // 2024-04-01T00:00+09:00
    world.view(clinic, patientId, null, "2024-04-30T23:59:59.999+09:00");
    world.view(clinic, patientId, null, "2024-04-30T15:00:00Z"); // 2024-05-01T00:00+09:00
    world.awaitAttempts(ref, 4);
    var reply = world.report("portal", body(patientId, "2024-04-01", "2024-04-30"));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    assertThat(texts(reply.json().get("items"), "at"))
        .containsExactly("2024-04-30T23:59:59.999+09:00", "2024-04-01T00:00:00+09:00");
    var oneDay = world.report("portal", body(patientId, "2024-03-31", "2024-03-31"));
    assertThat(texts(oneDay.json().get("items"), "at"))
        .containsExactly("2024-03-31T23:59:59+09:00");
  }

  @Test
  void aLongReportPages_withACursorThatOnlyContinuesTheSameRequest() {
    var clinic = world.facility("CLINIC", "ページテスト診療所");
    String patientId = patientId();
    String ref = null;
    for (int i = 1; i <= 5; i++) {
      ref = world.view(clinic, patientId, null, "2024-06-0" + i + "T10:00:00+09:00");
    }
    world.awaitAttempts(ref, 5);
    var first =
        world.report("portal", with(body(patientId, "2024-06-01", "2024-06-30"), "limit", 2));
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    long requests = world.storedRequests();
    List<String> seen = new ArrayList<>(texts(first.json().get("items"), "at"));
    assertThat(first.json().get("total").asLong()).isEqualTo(5);
    String cursor = first.json().get("next").asText();
    assertThat(cursor).doesNotContain(patientId);

    var otherPortal =
        world.report(
            "portal-2", with(body(patientId, "2024-06-01", "2024-06-30"), "cursor", cursor));
    assertThat(otherPortal.status()).isEqualTo(400);
    var otherPeriod =
        world.report("portal", with(body(patientId, "2024-06-01", "2024-07-31"), "cursor", cursor));
    assertThat(otherPeriod.status()).isEqualTo(400);
    var otherPatient =
        world.report(
            "portal", with(body(patientId(), "2024-06-01", "2024-06-30"), "cursor", cursor));
    assertThat(otherPatient.status()).isEqualTo(400);

    int pages = 1;
    while (cursor != null) {
      var next =
          world.report(
              "portal", with(body(patientId, "2024-06-01", "2024-06-30"), "cursor", cursor));
      assertThat(next.status()).as(next.toString()).isEqualTo(200);
      assertThat(next.json().has("requests")).isFalse();
      seen.addAll(texts(next.json().get("items"), "at"));
      cursor = next.json().has("next") ? next.json().get("next").asText() : null;
      pages++;
    }
    assertThat(pages).isEqualTo(3);
    assertThat(seen)
        .containsExactly(
            "2024-06-05T10:00:00+09:00",
            "2024-06-04T10:00:00+09:00",
            "2024-06-03T10:00:00+09:00",
            "2024-06-02T10:00:00+09:00",
            "2024-06-01T10:00:00+09:00");
    assertThat(world.storedRequests()).isEqualTo(requests);
  }

  @Test
  void theAuditEventSearch_answersAValidSearchsetBundle_thatPagesByCursorLinks() {
    Three t = threeLookups();
    String form =
        "patient.identifier=urn:oid:1.2.392.100495.20.3.51|"
            + t.patientId()
            + "&date=ge2024-02-01&date=le2024-02-29&_count=2";
    var first = world.search("fund", form);
    assertThat(first.status()).as(first.toString()).isEqualTo(200);
    assertThat(first.contentType()).startsWith("application/fhir+json");
    assertThat(FhirCheck.errors(first.text())).isEmpty();
    Bundle bundle = FhirCheck.parse(first.text());
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.SEARCHSET);
    assertThat(bundle.getTotal()).isEqualTo(3);
    assertThat(bundle.getEntry()).hasSize(2);
    assertThat(first.text()).contains("dr-kinjo").doesNotContain(t.patientId());
    String next = bundle.getLink("next").getUrl();
    assertThat(next).contains("_cursor=").doesNotContain(t.patientId()).doesNotContain("patient");
    var second =
        api()
            .as("fund")
            .postRaw(
                next.substring(next.indexOf("/fhir/")),
                "application/x-www-form-urlencoded",
                new byte[0]);
    assertThat(second.status()).as(second.toString()).isEqualTo(200);
    assertThat(FhirCheck.errors(second.text())).isEmpty();
    Bundle last = FhirCheck.parse(second.text());
    assertThat(last.getEntry()).hasSize(1);
    assertThat(last.getLink("next")).isNull();
    List<String> recorded = new ArrayList<>();
    for (Bundle b : List.of(bundle, last)) {
      b.getEntry()
          .forEach(
              e ->
                  recorded.add(
                      ((AuditEvent) e.getResource()).getRecordedElement().getValueAsString()));
    }
    assertThat(recorded)
        .containsExactly(
            "2024-02-22T08:15:00+09:00", "2024-02-21T11:30:00+09:00", "2024-02-20T10:00:00+09:00");
    // Another account cannot continue fund's search.
    var stolen =
        api()
            .as("mhlw")
            .postRaw(
                next.substring(next.indexOf("/fhir/")),
                "application/x-www-form-urlencoded",
                new byte[0]);
    assertThat(stolen.status()).isEqualTo(400);

    // The portal's search is patient-facing: no viewer identity, no consent id.
    var portal =
        world.search(
            "portal",
            "patient.identifier=" + t.patientId() + "&date=ge2024-02-01&date=le2024-02-29");
    assertThat(portal.status()).as(portal.toString()).isEqualTo(200);
    assertThat(FhirCheck.errors(portal.text())).isEmpty();
    assertThat(FhirCheck.parse(portal.text()).getEntry()).hasSize(3);
    assertThat(portal.text()).doesNotContain("dr-kinjo").doesNotContain(t.consentId());
    // Both searches show in the patient's later report.
    var report = world.report("portal", body(t.patientId(), "2024-01-01", "2024-12-31"));
    assertThat(texts(report.json().get("requests"), "form")).contains("FHIR", "JSON");
  }

  @Test
  void badInput_isRefused400_andRecordsNothing_whileAnUnknownPatientGetsAnEmptyReport() {
    String patientId = patientId();
    var ok = body(patientId, "2020-01-01", "2024-12-31");
    long stored = storedEvents();
    List<Object> bad =
        List.of(
            with(ok, "patientId", null),
            with(ok, "patientId", ""),
            with(ok, "patientId", "x".repeat(65)),
            with(ok, "patientId", 12345),
            with(ok, "patientId", "PID\u0007"),
            with(ok, "to", "2025-01-01"),
            with(ok, "to", "2019-12-31"),
            with(ok, "from", null),
            with(ok, "from", "2024-02-30"),
            with(ok, "from", "2024-02-01T00:00:00+09:00"),
            with(ok, "lang", "fr"),
            with(ok, "limit", 0),
            with(ok, "cursor", "not-a-cursor"),
            with(ok, "facilityCode", "4719002018"));
    for (Object body : bad) {
      for (String path :
          List.of("/api/patient-access-report", "/api/patient-access-report/print")) {
        var reply = api().as("portal").post(path, body);
        assertThat(reply.status()).as(body + " " + reply).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.text()).doesNotContain(patientId);
      }
    }
    for (String form :
        List.of(
            "date=ge2024-01-01&date=le2024-12-31",
            "patient.identifier=" + patientId,
            "patient.identifier=" + patientId + "&date=ge2024-01-01",
            "patient.identifier=" + patientId + "&date=gt2024-01-01&date=le2024-12-31",
            "patient.identifier=" + patientId + "&date=ge2024-12-31&date=le2024-01-01",
            "patient.identifier=" + patientId + "&date=ge2019-01-01&date=le2024-12-31",
            "patient.identifier=" + patientId + "&date=ge2024-01-01&date=le2024-12-31&_count=0",
            "patient.identifier=" + patientId + "&date=ge2024-01-01&date=le2024-12-31&facility=x",
            "patient.identifier="
                + patientId
                + "&patient.identifier="
                + patientId
                + "&date=ge2024-01-01&date=le2024-12-31",
            "_cursor=abc")) {
      var reply = world.search("fund", form);
      assertThat(reply.status()).as(form + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.text()).doesNotContain(patientId);
    }
    assertThat(storedEvents()).isEqualTo(stored);

    var unknown = world.report("portal", ok);
    assertThat(unknown.status()).as(unknown.toString()).isEqualTo(200);
    assertThat(unknown.json().get("total").asLong()).isZero();
    assertThat(unknown.json().get("items")).isEmpty();
    assertThat(unknown.json().get("facilities")).isEmpty();
    var fiveYears = world.report("portal", with(ok, "to", "2024-12-31"));
    assertThat(fiveYears.status()).isEqualTo(200);
  }

  /**
   * The privacy scan of the report's endpoints: the patientId sent in report, print, search and
   * drill-down requests, good and refused, appears in no answer or header, no stored event, no row
   * of any table, no log line, no metric and no stream message.
   */
  @Test
  void thePatientIdAppearsNowhere_inAnswers_events_tables_logs_metrics_orTheStream(
      CapturedOutput output) throws Exception {
    long head =
        jdbc.queryForObject(
            "select coalesce(max(globalindex), 0) from domainevententry", Long.class);
    try (SseClient stream = SseClient.open(monitor(), "/api/stream?from=" + head)) {
      Three three = threeLookups();
      String id = three.patientId();
      var ok = body(id, "2024-01-01", "2024-12-31");
      String form = "patient.identifier=" + id + "&date=ge2024-01-01&date=le2024-12-31";
      List<Api.Reply> answers =
          List.of(
              world.report("portal", ok),
              world.report("portal", with(ok, "lang", "en")),
              world.print("portal", ok),
              world.search("portal", form),
              world.search("fund", form + "&_count=1"),
              fund().post("/api/drilldown/patient", Map.of("patientId", id)),
              world.report("portal", with(ok, "lang", id)),
              world.report("portal", with(ok, "patientId", id + "x".repeat(64))),
              world.print("portal", with(ok, "from", id)),
              world.search("fund", form + "&facility=" + id),
              world.search("mhlw", "patient.identifier=" + id),
              world.report("fund", ok),
              api().as("portal").post("/api/patient-access-report/" + id, ok));
      assertThat(answers.stream().map(Api.Reply::status).distinct().toList())
          .contains(200, 400, 403);
      for (Api.Reply answer : answers) {
        assertThat(answer.text()).as(answer.toString()).doesNotContain(id);
        assertThat(answer.response().headers().map().toString()).doesNotContain(id);
      }

      long last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
      List<SseClient.Message> streamed = stream.eventsThrough(last, Duration.ofSeconds(20));
      assertThat(streamed).isNotEmpty().noneMatch(m -> m.data().contains(id));
      assertThat(storedRows()).isNotEmpty().noneMatch(row -> row.contains(id));
      assertThat(storedRows()).anyMatch(row -> row.contains(three.patientRef()));
      assertThat(monitor().get("/actuator/prometheus").text()).doesNotContain(id);
      assertThat(output.getAll()).doesNotContain(id);
    }
  }

  /** Every row of every table of the ledger's schema, each as one string (bytes read as UTF-8). */
  private List<String> storedRows() throws SQLException {
    List<String> tables = new ArrayList<>();
    try (Connection c = jdbc.getDataSource().getConnection();
        ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", null)) {
      while (rs.next()) {
        if (rs.getString("TABLE_TYPE").contains("TABLE")) {
          tables.add(rs.getString("TABLE_NAME"));
        }
      }
    }
    assertThat(tables).as("tables of the schema").contains("domainevententry", "access_attempt");
    List<String> rows = new ArrayList<>();
    for (String table : tables) {
      rows.addAll(
          jdbc.query(
              "select * from \"" + table + "\"",
              (rs, n) -> {
                StringBuilder row = new StringBuilder(table);
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                  Object value = rs.getObject(i);
                  row.append(' ')
                      .append(
                          value instanceof byte[] bytes
                              ? new String(bytes, StandardCharsets.UTF_8)
                              : String.valueOf(value));
                }
                return row.toString();
              }));
    }
    return rows;
  }

  @Test
  void thePortalAccountReadsNothingElse_andOnlyItMayAskForTheReport() {
    var portal = api().as("portal");
    for (String path :
        List.of(
            "/api/notices",
            "/api/activation",
            "/api/activation/check?facility=4719002018",
            "/api/regions/472018",
            "/api/facilities/4719002018",
            "/api/facilities/individually-activated",
            "/api/facilities/published-names",
            "/api/facilities/4719002018/accesses",
            "/api/facilities/4719002018/accesses.csv",
            "/api/facilities/4719002018/accesses/fhir",
            "/api/inquiries",
            "/api/integrity/checkpoints",
            "/api/integrity/public-key",
            "/api/stream",
            "/actuator/prometheus",
            "/api/admin/processors",
            "/api/patient-access-report",
            "/fhir/AuditEvent",
            "/no/such/path")) {
      var reply = portal.get(path);
      assertThat(reply.status()).as(path + " " + reply).isEqualTo(403);
    }
    for (String path : List.of("/api/views", "/api/consents", "/api/notices", "/api/facilities")) {
      assertThat(portal.post(path, "{}").status()).as(path).isEqualTo(403);
    }
    var body = body(patientId(), "2024-01-01", "2024-12-31");
    for (String other : List.of("mhlw", "fund", "monitor", "report-16")) {
      assertThat(world.report(other, body).status()).as(other).isEqualTo(403);
    }
    assertThat(
            world
                .search("monitor", "patient.identifier=x&date=ge2024-01-01&date=le2024-12-31")
                .status())
        .isEqualTo(403);
  }

  private static List<String> texts(JsonNode array, String field) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.get(field).asText()));
    return out;
  }
}
