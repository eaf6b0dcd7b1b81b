package jp.emergencyaccess.ledger.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import jp.emergencyaccess.ledger.support.Api;

/** Request bodies and steps that the application scenarios share. */
final class Applications {
  private Applications() {}

  /** Registers the facility if this store does not know it yet (contexts are shared). */
  static void ensureRegistered(
      Api mhlw, String code, String kind, String municipality, String name, String address) {
    if (mhlw.get("/api/facilities/" + code).status() == 200) {
      return;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", code);
    body.put("kind", kind);
    body.put("name", name);
    body.put("nameKana", "テスト");
    body.put("postalCode", "930-0001");
    body.put("address", address);
    body.put("municipalityCode", municipality);
    body.put("phone", "076-000-0000");
    body.put("at", "2020-01-01T00:00:00+09:00");
    var reply = mhlw.post("/api/facilities", body);
    assertThat(reply.status()).as(reply.toString()).isIn(201, 409);
  }

  /** Form 別添1, every field filled in, all three attestations true. */
  static Map<String, Object> form(String code, String kind, String from, String until) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", code);
    body.put("kind", kind);
    body.put("name", "富山駅前薬局");
    body.put("nameKana", "トヤマエキマエヤッキョク");
    body.put("postalCode", "930-0001");
    body.put("address", "富山県富山市明輪町1-1");
    body.put("phone", "076-000-0000");
    body.put("reason", "能登からの避難者が多数来局し、服薬情報の確認が必要なため");
    body.put("requestedFrom", from);
    body.put("requestedUntil", until);
    body.put(
        "attestations",
        new LinkedHashMap<>(
            Map.of(
                "medicalCareOnly",
                true,
                "authorizedViewersOnly",
                true,
                "sanctionsAcknowledged",
                true)));
    body.put("applicant", Map.of("name", "富山 花子", "address", "富山県富山市新総曲輪1-7"));
    return body;
  }

  static String submit(Api facility, Map<String, Object> form) {
    var reply = facility.post("/api/applications", form);
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return reply.json().get("applicationId").asText();
  }
}
