package jp.emergencyaccess.ledger.workbench;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.ConsentRequest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.Ministry;

/**
 * Facilities of the workbench scenarios (workbench-01 … 12 in application-test.yml), each in a
 * municipality of its own activated for February 2024, with consents and lookups over real HTTP.
 */
public final class WorkbenchWorld {
  /**
   * Accounts handed out per server: each store (H2, PostgreSQL) registers its facilities anew, so
   * both may use workbench-01 … 12.
   */
  private static final Map<String, AtomicInteger> ACCOUNTS = new ConcurrentHashMap<>();

  private static final String CODES =
      "4619003017 4619003025 4619003033 4619003041 4619003058"
          + " 4619003066 4619003074 4619003082 4619003090 4619003108 4619003116 4619003124";

  /** Municipalities of test-municipalities.csv that no other test uses, one per facility. */
  private static final String MUNICIPALITIES =
      "461806 461814 461822 461831 461849 461857 461865 461873 461881 461890 461903 461911";

  public record Place(String account, String facilityCode) {}

  private final Api api;

  public WorkbenchWorld(Api api) {
    this.api = api;
  }

  /** The next workbench-NN account's facility, registered and activated in a fresh municipality. */
  Place activeFacility() {
    int n = ACCOUNTS.computeIfAbsent(api.base(), base -> new AtomicInteger()).incrementAndGet();
    if (n > 12) {
      throw new IllegalStateException("add workbench-NN accounts to application-test.yml");
    }
    Place place = new Place(String.format("workbench-%02d", n), CODES.split(" ")[n - 1]);
    String municipality = MUNICIPALITIES.split(" ")[n - 1];
    register(place, "CLINIC", municipality);
    activateFebruary(municipality);
    return place;
  }

  /** Registers the place's facility (registered since 2020) in that municipality. */
  public void register(Place place, String kind, String municipality) {
    new Ministry(api)
        .registers(place.facilityCode(), kind, "ワークベンチ施設 " + place.account(), municipality);
  }

  /** Activates the municipality for February 2024 under a notice of its own. */
  public void activateFebruary(String municipality) {
    new Ministry(api)
        .activatesUnderNewNotice(
            "workbench", "workbench", municipality, "2024-02-01", "2024-02-29");
  }

  /** An instant in Japan on that day of February 2024; minutes past 59 run into later hours. */
  public static String at(int day, int hour, int minute) {
    return java.time.LocalDateTime.of(2024, 2, day, hour, 0)
        .plusMinutes(minute)
        .atOffset(java.time.ZoneOffset.ofHours(9))
        .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  /** An ORAL consent, or with {@code exemption} the emergency exemption; returns its id. */
  public String consent(Place place, String patientId, boolean exemption, String at) {
    Map<String, Object> body =
        ConsentRequest.at(place.facilityCode(), patientId)
            .exemption(exemption)
            .recordedBy("nurse Saigo")
            .when(at)
            .body();
    Api.Reply reply = api.as(place.account()).post("/api/consents", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  /** A lookup (201 allowed, 403 denied); a null consent is denied as CONSENT_MISSING. */
  public Api.Reply view(Place place, String viewer, String patientId, String consentId, String at) {
    Map<String, Object> body =
        LookupRequest.at(place.facilityCode(), patientId)
            .requestId(place.account() + "-" + java.util.UUID.randomUUID())
            .by(viewer, "DOCTOR")
            .consent(consentId)
            .when(at)
            .body();
    Api.Reply reply = api.as(place.account()).post("/api/views", body);
    assertThat(reply.status()).as(reply.toString()).isIn(201, 403);
    return reply;
  }

  /** Every alert of the queue under that query, all pages. */
  List<JsonNode> alerts(Api as, String query) {
    List<JsonNode> all = new java.util.ArrayList<>();
    String cursor = null;
    do {
      String q = query + (cursor == null ? "" : (query.isEmpty() ? "?" : "&") + "cursor=" + cursor);
      Api.Reply reply = as.get("/api/alerts" + q);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
      reply.json().get("items").forEach(all::add);
      cursor = reply.json().has("next") ? reply.json().get("next").asText() : null;
    } while (cursor != null);
    return all;
  }

  /** Waits until the facility's history holds that many attempts. */
  public void awaitAttempts(String facilityCode, long expected) {
    eventually(
        facilityCode + " has " + expected + " attempts",
        () ->
            api.as("fund")
                    .get("/api/facilities/" + facilityCode + "/accesses?limit=1")
                    .json()
                    .at("/summary/attempts")
                    .asLong()
                == expected);
  }
}
