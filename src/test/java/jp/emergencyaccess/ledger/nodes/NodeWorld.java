package jp.emergencyaccess.ledger.nodes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.ConsentRequest;
import jp.emergencyaccess.ledger.support.LookupRequest;
import jp.emergencyaccess.ledger.support.Ministry;
import jp.emergencyaccess.ledger.support.TestCodes;

/**
 * The requests of the several-nodes scenarios, each sent to the node the caller names: a world of
 * notices, regions, facilities, consents, lookups and inquiries over the HTTP contract only.
 */
final class NodeWorld {
  /** A facility test account, its facility and the fresh municipality it is registered in. */
  record Place(String account, String facilityCode, String municipality) {}

  private NodeWorld() {}

  static String notice(Api node) {
    return new Ministry(node).issuesNotice("nodes", "2024-01-01", "several nodes");
  }

  /** A facility registered (through {@code node}) in a municipality no other scenario uses. */
  static Place place(Api node) {
    String account = TestCodes.facilityAccount();
    Place place =
        new Place(account, TestCodes.facilityCodeOf(account), TestCodes.okinawaMunicipality());
    new Ministry(node)
        .registers(place.facilityCode(), "CLINIC", "Clinic " + account, place.municipality());
    return place;
  }

  static void activate(Api node, Place place, String from, String until, String noticeId) {
    new Ministry(node).activates(place.municipality(), from, until, noticeId);
  }

  static String consent(Api node, Place place, String patientId) {
    Map<String, Object> body =
        ConsentRequest.at(place.facilityCode(), patientId).when("2024-01-02T09:00:00+09:00").body();
    Api.Reply reply = node.as(place.account()).post("/api/consents", body);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("consentId").asText();
  }

  static Map<String, Object> lookupBody(
      Place place, String requestId, String patientId, String consentId, String at) {
    return LookupRequest.at(place.facilityCode(), patientId)
        .requestId(requestId)
        .consent(consentId)
        .when(at)
        .body();
  }

  /** A lookup that the ledger recorded (201 allowed, 403 denied); anything else fails. */
  static Api.Reply lookup(
      Api node, Place place, String requestId, String patientId, String consentId, String at) {
    Api.Reply reply =
        node.as(place.account())
            .post("/api/views", lookupBody(place, requestId, patientId, consentId, at));
    assertThat(reply.status()).as(reply.toString()).isIn(201, 403);
    assertThat(reply.json().path("viewId").asText()).as(reply.toString()).isNotEmpty();
    return reply;
  }

  static List<String> reasons(Api.Reply lookup) {
    List<String> reasons = new ArrayList<>();
    lookup.json().path("reasons").forEach(r -> reasons.add(r.asText()));
    return reasons;
  }

  static String openInquiry(Api node, Place place, String at) {
    Api.Reply reply =
        node.as("fund")
            .post(
                "/api/inquiries",
                Map.of("facilityCode", place.facilityCode(), "reason", "many lookups", "at", at));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("inquiryId").asText();
  }

  /** A measure of an inquiry: {@code suspend} and {@code stop} take a reason, all an instant. */
  static Api.Reply measure(Api node, String inquiryId, String measure, String at) {
    Map<String, Object> body =
        measure.equals("resume")
            ? Map.of("at", at)
            : Map.of("reason", "misuse seen by the implementing body", "at", at);
    return node.as("fund").post("/api/inquiries/" + inquiryId + "/" + measure, body);
  }

  /** The streaming processors as one node reports them, by name. */
  static Map<String, JsonNode> processors(Api node) {
    Api.Reply reply = node.as("mhlw").get("/api/admin/processors");
    assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    reply.json().forEach(p -> byName.put(p.get("name").asText(), p));
    return byName;
  }

  static JsonNode health(Api node) {
    return node.as("monitor").get("/actuator/health").json();
  }
}
