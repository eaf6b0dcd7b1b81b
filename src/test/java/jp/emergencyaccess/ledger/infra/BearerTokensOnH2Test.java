package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import jp.emergencyaccess.ledger.support.TestCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger as an OAuth2 resource server (ledger.auth.mode=jwt): tokens signed in the test with a
 * key served from an in-test JWKS endpoint. Every role signs in with its token and keeps its access
 * rules; every kind of bad token is refused 401 with the RFC 6750 challenge, and a refused request
 * records nothing.
 */
@OnH2
@TestPropertySource(
    properties = {
      "ledger.auth.mode=jwt",
      "ledger.auth.jwt.issuer-uri=" + TokenIssuer.ISSUER,
      "ledger.auth.jwt.audiences=" + TokenIssuer.AUDIENCE
    })
class BearerTokensOnH2Test extends HttpTest {
  private static final TokenIssuer IDP = new TokenIssuer();
  private static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void jwks(DynamicPropertyRegistry registry) {
    registry.add("ledger.auth.jwt.jwk-set-uri", IDP::jwkSetUri);
  }

  @AfterAll
  static void stopIdentityProvider() {
    IDP.close();
  }

  private final String mhlw = IDP.sign(TokenIssuer.claims("mhlw-officer", "MHLW"));

  @Test
  void everyRoleSignsInWithItsToken_andKeepsItsAccessRules() {
    String code = registeredFacility();
    String facility = IDP.sign(TokenIssuer.facility("clinic-staff", code));
    String fund = IDP.sign(TokenIssuer.claims("fund-auditor", "FUND"));
    String monitor =
        IDP.sign(TokenIssuer.claims("monitor-bot", List.of("offline_access", "MONITOR")));

    assertThat(get(fund, "/api/facilities/" + code).status()).isEqualTo(200);
    assertThat(get(monitor, "/api/activation").status()).isEqualTo(200);
    assertThat(get(facility, "/api/activation/check?facility=" + code).status()).isEqualTo(200);
    assertThat(get(facility, "/api/facilities/" + code + "/accesses").status()).isEqualTo(200);
    // The roles' rules are those of Basic: a MONITOR may not register a facility.
    var refused = post(monitor, "/api/facilities", facilityBody(TestCodes.facilityCode('1')));
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.contentType()).startsWith("application/problem+json");

    // The facility's lookup is judged and recorded (denied: no region covers it).
    long before = storedEvents();
    var view = post(facility, "/api/views", viewBody(code));
    assertThat(view.status()).as(view.toString()).isEqualTo(403);
    assertThat(view.json().get("decision").asText()).isEqualTo("DENIED");
    assertThat(storedEvents()).isEqualTo(before + 1);
  }

  /** Without local accounts there is nothing to sign in to with a form: no console at all. */
  @Test
  void theConsole_isNotServed_withOrWithoutAToken() {
    for (String path : List.of("/console", "/console/login", "/console/activation")) {
      assertThat(api().get(path).status()).as(path).isEqualTo(404);
      assertThat(get(mhlw, path).status()).as(path).isEqualTo(404);
    }
    assertThat(api().post("/console/login", "username=mhlw&password=mhlw").status()).isEqualTo(404);
  }

  @Test
  void aFundTokenTakesAnAlertAsItself_andCannotNameAnAccountTheLedgerDoesNotHold() {
    String code = registeredFacility();
    String facility = IDP.sign(TokenIssuer.facility("clinic-staff", code));
    String fund = IDP.sign(TokenIssuer.claims("fund-auditor", "FUND"));
    for (int i = 0; i < 5; i++) {
      assertThat(post(facility, "/api/views", viewBody(code)).status()).isEqualTo(403);
    }
    String alertId = awaitAlert(fund, code);

    var other = post(fund, "/api/alerts/" + alertId + "/take", Map.of("assignee", "fund"));
    assertThat(other.status()).as(other.toString()).isEqualTo(400);
    assertThat(other.json().at("/errors/0/field").asText()).isEqualTo("assignee");
    var taken = post(fund, "/api/alerts/" + alertId + "/take", Map.of());
    assertThat(taken.status()).as(taken.toString()).isEqualTo(201);
    assertThat(taken.json().get("assignee").asText()).isEqualTo("fund-auditor");
    assertThat(taken.json().get("status").asText()).isEqualTo("UNDER_REVIEW");
  }

  private String awaitAlert(String token, String facilityCode) {
    long until = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < until) {
      var queue = get(token, "/api/alerts?facility=" + facilityCode);
      assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
      if (!queue.json().get("items").isEmpty()) {
        return queue.json().get("items").get(0).get("alertId").asText();
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("no alert for facility " + facilityCode + " within 30 s");
  }

  @Test
  void aRoleClaimMayBeAnArray_orAScopeLikeString() {
    String code = registeredFacility();
    String fundInArray = IDP.sign(TokenIssuer.claims("a", List.of("other", "FUND")));
    String fundInString = IDP.sign(TokenIssuer.claims("b", "uma_authorization FUND"));
    assertThat(get(fundInArray, "/api/facilities/" + code).status()).isEqualTo(200);
    assertThat(get(fundInString, "/api/facilities/" + code).status()).isEqualTo(200);
  }

  @Test
  void aFacilityToken_forAnotherFacility_isForbidden_andNothingIsRecorded() {
    String own = registeredFacility();
    String other = registeredFacility();
    String facility = IDP.sign(TokenIssuer.facility("clinic-staff", own));
    long before = storedEvents();

    var reply = post(facility, "/api/views", viewBody(other));

    assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().has("viewId")).isFalse();
    assertThat(get(facility, "/api/facilities/" + other + "/accesses").status()).isEqualTo(403);
    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void anExpiredToken_isRefused() {
    Instant past = Instant.now().minusSeconds(600);
    assertRefused(
        IDP.sign(
            TokenIssuer.claims("late", "MHLW")
                .issueTime(Date.from(past.minusSeconds(300)))
                .notBeforeTime(Date.from(past.minusSeconds(300)))
                .expirationTime(Date.from(past))));
  }

  @Test
  void aTokenNotYetValid_isRefused() {
    Instant later = Instant.now().plusSeconds(600);
    assertRefused(
        IDP.sign(
            TokenIssuer.claims("early", "MHLW")
                .notBeforeTime(Date.from(later))
                .expirationTime(Date.from(later.plusSeconds(300)))));
  }

  @Test
  void aTokenWithoutExpiry_isRefused() {
    assertRefused(IDP.sign(TokenIssuer.claims("forever", "MHLW").expirationTime(null)));
  }

  @Test
  void aTokenOfAnotherIssuer_isRefused() {
    assertRefused(IDP.sign(TokenIssuer.claims("x", "MHLW").issuer("https://other-idp.test")));
  }

  @Test
  void aTokenForAnotherAudience_isRefused() {
    assertRefused(IDP.sign(TokenIssuer.claims("x", "MHLW").audience("another-application")));
  }

  @Test
  void aTokenWithABadSignature_isRefused() {
    assertRefused(IDP.signWithAnotherKey(TokenIssuer.claims("forger", "MHLW")));
  }

  @Test
  void anUnsignedToken_algNone_isRefused() {
    assertRefused(TokenIssuer.unsigned(TokenIssuer.claims("forger", "MHLW")));
  }

  @Test
  void aTokenWithoutARoleClaim_isRefused401() {
    var reply = assertRefused(IDP.sign(TokenIssuer.claims("nobody", null)));
    assertThat(reply.json().get("detail").asText()).contains("ledger_role");
  }

  @Test
  void aTokenNamingTwoLedgerRoles_isRefused() {
    assertRefused(IDP.sign(TokenIssuer.claims("both", List.of("MHLW", "FUND"))));
  }

  @Test
  void aFacilityTokenWithoutItsFacilityCode_isRefused() {
    assertRefused(IDP.sign(TokenIssuer.claims("clinic-staff", "FACILITY")));
  }

  @Test
  void aRequestWithoutToken_isChallengedForOne_andBasicIsOff() {
    var none = api().anonymous().get("/api/activation");
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.contentType()).startsWith("application/problem+json");
    assertThat(challenge(none)).isEqualTo("Bearer realm=\"ledger\"");
    assertThat(api().as("mhlw").get("/api/activation").status()).isEqualTo(401);
    assertThat(api().anonymous().get("/actuator/health").status()).isEqualTo(200);
  }

  @Test
  void theApiDocument_asksForBearerTokens() {
    var docs = api().anonymous().get("/v3/api-docs").json();
    var security = docs.at("/paths/~1api~1views/post/security");
    assertThat(security.size()).isEqualTo(1);
    assertThat(security.get(0).has("bearer")).isTrue();
  }

  /** The token is refused before anything is read or recorded, whatever the request. */
  private Api.Reply assertRefused(String token) {
    String code = registeredFacility();
    long before = storedEvents();
    var reply = post(token, "/api/views", viewBody(code));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(401);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.json().get("status").asInt()).isEqualTo(401);
    assertThat(challenge(reply)).startsWith("Bearer ").contains("error=\"invalid_token\"");
    assertThat(get(token, "/api/facilities/" + code).status()).isEqualTo(401);
    assertThat(storedEvents()).isEqualTo(before);
    return reply;
  }

  private static String challenge(Api.Reply reply) {
    return reply.response().headers().firstValue("WWW-Authenticate").orElse("");
  }

  private String registeredFacility() {
    String code = TestCodes.facilityCode('1');
    var reply = post(mhlw, "/api/facilities", facilityBody(code));
    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
    return code;
  }

  private static Map<String, Object> facilityBody(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("facilityCode", code);
    body.put("kind", "CLINIC");
    body.put("name", "Clinic " + code);
    body.put("nameKana", "クリニック");
    body.put("postalCode", "900-8570");
    body.put("address", "Naha 1-1");
    body.put("municipalityCode", TestCodes.okinawaMunicipality());
    body.put("phone", "098-866-2333");
    body.put("at", "2020-01-01T00:00:00+09:00");
    return body;
  }

  private static Map<String, Object> viewBody(String code) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("requestId", UUID.randomUUID().toString());
    body.put("facilityCode", code);
    body.put("viewerId", "dr-kinjo");
    body.put("viewerRole", "DOCTOR");
    body.put("patientId", "P-" + UUID.randomUUID());
    body.put("categories", List.of("MEDICATION"));
    return body;
  }

  private Api.Reply get(String token, String path) {
    Api api = api().anonymous();
    return api.send(api.request(path).header("Authorization", "Bearer " + token).GET());
  }

  private Api.Reply post(String token, String path, Object body) {
    Api api = api().anonymous();
    try {
      return api.send(
          api.request(path)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
