package jp.emergencyaccess.ledger.workbench;

import static jp.emergencyaccess.ledger.support.Eventually.eventually;
import static jp.emergencyaccess.ledger.workbench.WorkbenchWorld.at;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.workbench.WorkbenchWorld.Place;
import org.junit.jupiter.api.Test;

/**
 * The cross-facility ranking and the peers' median in the exemption alert, over real HTTP on H2 and
 * PostgreSQL. Prefecture 42 holds only this scenario's facilities (ranking-01 … 05 in
 * application-test.yml), so every peer and every median is known.
 */
abstract class RankingScenarios extends HttpTest {
  private static final String MUNICIPALITY = "427004";
  private static final String RANKING = "/api/rankings?prefecture=42&from=2024-02-01&to=2024-02-29";

  /** On 5 Feb 2024: {@code consented} lookups with consent, then the exemption's, then denials. */
  private static void lookups(
      WorkbenchWorld world, Place place, int consented, int exemptions, int denied) {
    for (int i = 0; i < consented; i++) {
      String patient = "rank-c-" + place.account() + "-" + i;
      world.view(
          place, "dr-1", patient, world.consent(place, patient, false, at(5, 8, i)), at(5, 9, i));
    }
    for (int i = 0; i < exemptions; i++) {
      String patient = "rank-e-" + place.account() + "-" + i;
      world.view(
          place, "dr-2", patient, world.consent(place, patient, true, at(5, 10, i)), at(5, 11, i));
    }
    for (int i = 0; i < denied; i++) {
      world.view(place, "dr-3", "rank-d-" + place.account() + "-" + i, null, at(5, 14, i));
    }
    world.awaitAttempts(place.facilityCode(), consented + exemptions + denied);
  }

  private static List<String> codes(JsonNode ranking) {
    List<String> codes = new ArrayList<>();
    ranking.get("items").forEach(i -> codes.add(i.get("facilityCode").asText()));
    return codes;
  }

  @Test
  void facilitiesAreRankedAgainstTheirPeers_andTheExemptionAlertNamesThePeersMedian() {
    WorkbenchWorld world = new WorkbenchWorld(api());
    Place a = new Place("ranking-01", "4219000017");
    Place b = new Place("ranking-02", "4219000025");
    Place c = new Place("ranking-03", "4219000033");
    Place pharmacy = new Place("ranking-04", "4249000045");
    Place idle = new Place("ranking-05", "4219000058");
    for (Place clinic : List.of(a, b, c, idle)) {
      world.register(clinic, "CLINIC", MUNICIPALITY);
    }
    world.register(pharmacy, "PHARMACY", MUNICIPALITY);
    world.activateFebruary(MUNICIPALITY);
    lookups(world, b, 9, 1, 0);
    lookups(world, c, 4, 2, 3);
    lookups(world, pharmacy, 2, 2, 0);
    lookups(world, a, 2, 10, 0);

    // The alert: the day's exemption lookups of the other clinics of prefecture 42 are 1, 2 and 0.
    eventually(
        "the exemption alert of " + a.facilityCode(),
        () -> world.alerts(fund(), "?facility=" + a.facilityCode()).size() == 1);
    JsonNode alert = world.alerts(fund(), "?facility=" + a.facilityCode()).get(0);
    assertThat(alert.get("kind").asText()).isEqualTo("EMERGENCY_EXEMPTIONS");
    assertThat(alert.get("reasons"))
        .extracting(JsonNode::asText)
        .containsExactly("2024-02-05 に同意なし (緊急例外) 10 件 (閾値 10)", "同規模施設 (同県の診療所 3 施設) の同日の中央値 1 件");

    JsonNode flagged = fund().get(RANKING).json();
    assertThat(flagged.get("by").asText()).isEqualTo("FLAGGED");
    assertThat(codes(flagged))
        .containsExactly(
            a.facilityCode(), c.facilityCode(), pharmacy.facilityCode(), b.facilityCode());
    JsonNode first = flagged.get("items").get(0);
    assertThat(first.get("rank").asInt()).isEqualTo(1);
    assertThat(first.get("kind").asText()).isEqualTo("CLINIC");
    assertThat(first.get("lookups").asLong()).isEqualTo(12);
    assertThat(first.get("flagged").asLong()).isEqualTo(10);
    assertThat(first.get("exemptions").asLong()).isEqualTo(10);
    assertThat(first.get("peers").asInt()).isEqualTo(2);
    assertThat(first.get("peersFlagged").asDouble()).isEqualTo(3.0);
    assertThat(first.get("reasons").get(0).asText())
        .isEqualTo("フラグ付きの照会 10 件 (照会 12 件中), 同県の診療所 2 施設の中央値 3 件");
    JsonNode alone = flagged.get("items").get(2);
    assertThat(alone.get("peers").asInt()).isZero();
    assertThat(alone.get("peersFlagged").isNull()).isTrue();
    assertThat(alone.get("reasons").get(0).asText())
        .isEqualTo("フラグ付きの照会 2 件 (照会 4 件中), 同県の薬局に比較できる施設なし");

    JsonNode exemptions = fund().get(RANKING + "&by=EXEMPTION_SHARE").json();
    assertThat(codes(exemptions))
        .containsExactly(
            a.facilityCode(), pharmacy.facilityCode(), c.facilityCode(), b.facilityCode());
    JsonNode top = exemptions.get("items").get(0);
    assertThat(top.get("exemptionShare").asDouble()).isEqualTo(0.8333);
    assertThat(top.get("peersExemptionShare").asDouble()).isEqualTo(0.1611);
    assertThat(top.get("reasons").get(0).asText())
        .isEqualTo("同意なし (緊急例外) の割合 83.3 % (10 件), 同県の診療所 2 施設の中央値 16.1 %");

    JsonNode denials = mhlw().get(RANKING + "&by=DENIAL_SHARE").json();
    assertThat(codes(denials))
        .containsExactly(
            c.facilityCode(), a.facilityCode(), b.facilityCode(), pharmacy.facilityCode());
    assertThat(denials.get("items").get(0).get("denialShare").asDouble()).isEqualTo(0.3333);
    assertThat(denials.get("items").get(0).get("reasons").get(0).asText())
        .isEqualTo("拒否の割合 33.3 % (3 件), 同県の診療所 2 施設の中央値 0.0 %");

    assertThat(codes(fund().get(RANKING + "&kind=PHARMACY").json()))
        .containsExactly(pharmacy.facilityCode());
    assertThat(codes(fund().get(RANKING + "&limit=2").json()))
        .containsExactly(a.facilityCode(), c.facilityCode());
    assertThat(
            codes(fund().get("/api/rankings?prefecture=42&from=2024-02-06&to=2024-02-29").json()))
        .isEmpty();

    JsonNode log = mhlw().get("/api/auditors-log?account=fund&limit=5").json();
    assertThat(log.toString())
        .contains("FACILITY_RANKING")
        .contains("by=EXEMPTION_SHARE&from=2024-02-01&to=2024-02-29");
  }

  @Test
  void onlyTheImplementingBodiesAndTheMinistryReadTheRanking_andBadInputRecordsNothing() {
    for (Api as : List.of(api().as("ranking-01"), monitor(), api().as("portal"))) {
      long before = storedEvents();
      Api.Reply reply = as.get(RANKING);
      assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
      assertThat(storedEvents()).isEqualTo(before);
    }
    for (String query :
        List.of(
            "?from=2024-02-01&to=2024-02-29",
            "?prefecture=48&from=2024-02-01&to=2024-02-29",
            "?prefecture=42&to=2024-02-29",
            "?prefecture=42&from=2024-02-29&to=2024-02-01",
            "?prefecture=42&from=2024-01-01&to=2025-01-02",
            "?prefecture=42&from=2024-02-01&to=2024-02-30",
            "?prefecture=42&from=2024-02-01&to=2024-02-29&by=MOST",
            "?prefecture=42&from=2024-02-01&to=2024-02-29&kind=SHOP",
            "?prefecture=42&from=2024-02-01&to=2024-02-29&limit=0")) {
      long before = storedEvents();
      Api.Reply reply = fund().get("/api/rankings" + query);
      assertThat(reply.status()).as(query + " " + reply).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(storedEvents()).as("events stored after " + query).isEqualTo(before);
    }
  }
}
