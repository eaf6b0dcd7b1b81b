package jp.emergencyaccess.ledger.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.ConsentRequest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Facilities, activations, consents and lookups for the access scenarios, over real HTTP. Every
 * answer is kept in {@link #answers} so a test can scan all of them.
 */
final class AccessWorld {
  /** A facility test account and the facility it acts for. */
  record Place(String account, String facilityCode, String municipality) {}

  final List<Api.Reply> answers = Collections.synchronizedList(new ArrayList<>());
  private final Api api;
  private final JdbcTemplate jdbc;

  AccessWorld(Api api, JdbcTemplate jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  Api.Reply keep(Api.Reply reply) {
    answers.add(reply);
    return reply;
  }

  /** A FACILITY account whose facility is registered in a fresh Okinawa municipality. */
  Place registeredFacility() {
    Place place = unregisteredFacility();
    new Ministry(api, this::keep)
        .registers(
            place.facilityCode(), "CLINIC", "Clinic " + place.account(), place.municipality());
    return place;
  }

  /** A FACILITY account whose facility was never registered. */
  Place unregisteredFacility() {
    String account = TestCodes.facilityAccount();
    return new Place(account, TestCodes.facilityCodeOf(account), TestCodes.okinawaMunicipality());
  }

  /** Activates the region from..until (JST dates) under a fresh notice; returns the notice id. */
  String activate(String region, String from, String until) {
    return new Ministry(api, this::keep)
        .activatesUnderNewNotice("access", "access", region, from, until);
  }

  Api.Reply recordConsent(Place place, String facilityCode, String patientId, String at) {
    Map<String, Object> body = ConsentRequest.at(facilityCode, patientId).when(at).body();
    return keep(api.as(place.account()).post("/api/consents", body));
  }

  /** Records an oral consent of the place's own facility and returns its id. */
  String consent(Place place, String patientId, String at) {
    var reply = recordConsent(place, place.facilityCode(), patientId, at);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  Api.Reply withdraw(Place place, String consentId, String at) {
    return keep(
        api.as(place.account()).post("/api/consents/" + consentId + "/withdraw", Map.of("at", at)));
  }

  Api.Reply view(Place place, String requestId, String patientId, String consentId, String at) {
    return view(place.account(), place.facilityCode(), requestId, patientId, consentId, at);
  }

  Api.Reply view(
      String account,
      String facilityCode,
      String requestId,
      String patientId,
      String consentId,
      String at) {
    return keep(
        api.as(account)
            .post("/api/views", viewBody(facilityCode, requestId, patientId, consentId, at)));
  }

  /** The body of a lookup by dr-kinjo; {@code consentId} and {@code at} are left out when null. */
  static Map<String, Object> viewBody(
      String facilityCode, String requestId, String patientId, String consentId, String at) {
    return LookupRequest.at(facilityCode, patientId)
        .requestId(requestId)
        .of(List.of("MEDICATION", "DISPENSING"))
        .consent(consentId)
        .when(at)
        .body();
  }

  Api.Reply view(Place place, Map<String, Object> body) {
    return keep(api.as(place.account()).post("/api/views", body));
  }

  /** The stored event types of one aggregate (a view or a consent), in order. */
  List<String> storedTypes(String aggregateId) {
    return jdbc.queryForList(
        "select payloadtype from domainevententry where aggregateidentifier = ?"
            + " order by sequencenumber",
        String.class,
        aggregateId);
  }

  /** How many view events (allowed or denied) the store holds for the facility. */
  long storedViewsOf(String facilityCode) {
    String marker = "\"facilityCode\":\"" + facilityCode + "\"";
    return storedPayloads(MedicalInfoViewed.class, MedicalInfoViewDenied.class).stream()
        .filter(p -> p.contains(marker))
        .count();
  }

  /** Every stored payload of the given event types, as UTF-8 text. */
  List<String> storedPayloads(Class<?>... types) {
    List<String> names = java.util.Arrays.stream(types).map(Class::getName).toList();
    return jdbc
        .query(
            "select payloadtype, payload from domainevententry",
            (rs, n) ->
                names.contains(rs.getString(1))
                    ? new String(rs.getBytes(2), java.nio.charset.StandardCharsets.UTF_8)
                    : null)
        .stream()
        .filter(java.util.Objects::nonNull)
        .toList();
  }
}
