package jp.emergencyaccess.ledger.patientreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.ConsentRequest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Facilities (report-NN clinics and hospitals, report-pNN pharmacies of application-test.yml),
 * activations, consents and lookups of the patient-report scenarios, over real HTTP.
 */
final class ReportWorld {
  /**
   * Accounts handed out per server and kind: each store (H2, PostgreSQL) registers its facilities
   * anew, so both may use report-01 … and report-p01 ….
   */
  private static final Map<String, AtomicInteger> ACCOUNTS = new ConcurrentHashMap<>();

  record Place(String account, String facilityCode, String name, String kind) {}

  private final Api api;
  private final JdbcTemplate jdbc;

  ReportWorld(Api api, JdbcTemplate jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  /** A registered facility of that kind with a fresh account, its region activated in 2024. */
  Place facility(String kind, String name) {
    boolean pharmacy = kind.equals("PHARMACY");
    int n =
        ACCOUNTS
            .computeIfAbsent(api.base() + (pharmacy ? " pharmacy" : ""), k -> new AtomicInteger())
            .incrementAndGet();
    if (n > (pharmacy ? 8 : 16)) {
      throw new IllegalStateException("add report-NN accounts to application-test.yml");
    }
    String nine = String.format("47%c9%05d", pharmacy ? '4' : '1', 200 + n);
    String account = String.format(pharmacy ? "report-p%02d" : "report-%02d", n);
    Place place = new Place(account, nine + FacilityCode.checkDigit(nine), name, kind);
    String municipality = TestCodes.okinawaMunicipality();
    Ministry ministry = new Ministry(api);
    ministry.registers(place.facilityCode(), kind, name, municipality);
    ministry.activatesUnderNewNotice(
        "report", "patient-report", municipality, "2024-01-01", "2024-12-31");
    return place;
  }

  /** Records consent (ORAL) or the emergency exemption and returns the consent id. */
  String consent(Place place, String patientId, String basis, String at) {
    Map<String, Object> body =
        ConsentRequest.at(place.facilityCode(), patientId).basis(basis).when(at).body();
    var reply = api.as(place.account()).post("/api/consents", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  /** A lookup by dr-kinjo (without consent when consentId is null); returns its patientRef. */
  String view(Place place, String patientId, String consentId, String at, String... categories) {
    LookupRequest lookup =
        LookupRequest.at(place.facilityCode(), patientId)
            .requestId("r-" + TestCodes.noticeId("view"))
            .consent(consentId)
            .when(at);
    if (categories.length > 0) {
      lookup.of(List.of(categories));
    }
    var reply = api.as(place.account()).post("/api/views", lookup.body());
    assertThat(reply.status()).as(reply.toString()).isIn(201, 403);
    return reply.json().get("patientRef").asText();
  }

  /** Waits until the access history holds that many attempts of the patient. */
  void awaitAttempts(String patientRef, long count) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    long seen = 0;
    while (System.nanoTime() < deadline) {
      seen =
          jdbc.queryForObject(
              "select count(*) from access_attempt where patient_ref = ?", Long.class, patientRef);
      if (seen >= count) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("history holds " + seen + " of " + count + " attempts");
  }

  Api.Reply report(String account, Map<String, Object> body) {
    return api.as(account).post("/api/patient-access-report", body);
  }

  Api.Reply print(String account, Map<String, Object> body) {
    return api.as(account).post("/api/patient-access-report/print", body);
  }

  Api.Reply search(String account, String form) {
    return api.as(account)
        .postRaw(
            "/fhir/AuditEvent/_search",
            "application/x-www-form-urlencoded",
            form.getBytes(StandardCharsets.UTF_8));
  }

  static Map<String, Object> body(String patientId, String from, String to) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("patientId", patientId);
    body.put("from", from);
    body.put("to", to);
    return body;
  }

  static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
    Map<String, Object> changed = new LinkedHashMap<>(body);
    if (value == null) {
      changed.remove(field);
    } else {
      changed.put(field, value);
    }
    return changed;
  }

  /** How many report requests the store holds. */
  long storedRequests() {
    return jdbc.queryForObject(
        "select count(*) from domainevententry where payloadtype = ?",
        Long.class,
        PatientAccessReportRequested.class.getName());
  }
}
