package jp.emergencyaccess.ledger.history;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import jp.emergencyaccess.ledger.common.RegionCode;
import jp.emergencyaccess.ledger.facility.FacilityCode;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.ConsentRequest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.Ministry;

/**
 * Facilities with their own FACILITY accounts (investigation-01 … 16 in application-test.yml),
 * activation, consents and lookups over real HTTP, for the investigation scenarios.
 */
final class HistoryWorld {
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();
  private static final AtomicInteger MUNICIPALITIES = new AtomicInteger(10);

  record Place(String account, String facilityCode) {}

  private final Api api;

  HistoryWorld(Api api) {
    this.api = api;
  }

  /** A fresh Kagoshima municipality (46210 …) that no other test activates. */
  static String municipality() {
    String five = String.format("462%02d", MUNICIPALITIES.getAndIncrement());
    return five + RegionCode.checkDigit(five);
  }

  /** The next investigation-NN account, its facility registered in the municipality. */
  Place registeredFacility(String municipality) {
    int n = ACCOUNTS.incrementAndGet();
    if (n > 16) {
      throw new IllegalStateException("add investigation-NN accounts to application-test.yml");
    }
    String account = String.format("investigation-%02d", n);
    String nine = String.format("4619%05d", 100 + n);
    return registered(municipality, new Place(account, nine + FacilityCode.checkDigit(nine)));
  }

  /** Registers the account's facility in the municipality. */
  Place registered(String municipality, Place place) {
    new Ministry(api)
        .registers(place.facilityCode(), "CLINIC", "調査テスト診療所 " + place.account(), municipality);
    return place;
  }

  /** Activates the region from..until under a fresh notice; returns the notice id. */
  String activate(String region, String from, String until) {
    return new Ministry(api)
        .activatesUnderNewNotice("investigation", "investigation", region, from, until);
  }

  /** Records an ORAL consent, or with {@code exemption} the emergency exemption; returns its id. */
  String consent(
      Place place, String patientId, boolean exemption, String identification, String at) {
    Map<String, Object> body =
        ConsentRequest.at(place.facilityCode(), patientId)
            .exemption(exemption)
            .identifiedBy(identification)
            .recordedBy("nurse Saigo")
            .when(at)
            .body();
    var reply = api.as(place.account()).post("/api/consents", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  /** A lookup; returns the answer (201 allowed, 403 denied, both with a viewId). */
  Api.Reply view(
      Place place,
      String requestId,
      String viewer,
      String role,
      String patientId,
      List<String> categories,
      String consentId,
      String at) {
    Map<String, Object> body =
        LookupRequest.at(place.facilityCode(), patientId)
            .requestId(requestId)
            .by(viewer, role)
            .of(categories)
            .consent(consentId)
            .when(at)
            .body();
    var reply = api.as(place.account()).post("/api/views", body);
    assertThat(reply.status()).as(reply.toString()).isIn(201, 403);
    assertThat(reply.json().has("viewId")).as(reply.toString()).isTrue();
    return reply;
  }

  JsonNode accesses(Api as, String facilityCode, String query) {
    var reply = as.get("/api/facilities/" + facilityCode + "/accesses" + query);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    return reply.json();
  }

  /** Waits until the facility's history holds that many attempts. */
  void awaitAttempts(String facilityCode, long expected) {
    eventually(
        facilityCode + " has " + expected + " attempts",
        () ->
            accesses(api.as("fund"), facilityCode, "?limit=1").at("/summary/attempts").asLong()
                == expected);
  }
}
