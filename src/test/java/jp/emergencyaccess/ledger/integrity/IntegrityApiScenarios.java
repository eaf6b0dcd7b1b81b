package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.PublicKey;
import jp.emergencyaccess.ledger.support.Api;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.Test;

/**
 * The integrity paths over real HTTP on the shared stores (read only: tampering happens in {@link
 * IntegrityTamperScenarios}, on a store of its own).
 */
abstract class IntegrityApiScenarios extends HttpTest {

  /** Registers a notice and returns the position of its event. */
  private long recordAnEvent() {
    String id = registerNotice("integrity", "令和6年能登半島地震 その1");
    return ChainWait.positionOf(jdbc, id);
  }

  private PublicKey publishedKey() throws Exception {
    Api.Reply key = monitor().get("/api/integrity/public-key");
    assertThat(key.status()).isEqualTo(200);
    assertThat(key.contentType()).startsWith("application/x-pem-file");
    return Outsider.publicKey(key.text());
  }

  @Test
  void anEvent_isProvenToAnOutsider_byASignedCheckpoint() throws Exception {
    long position = recordAnEvent();
    ChainWait.untilCheckpointed(jdbc, position);

    Api.Reply proof = fund().get("/api/integrity/proof/" + position);
    assertThat(proof.status()).as(proof.toString()).isEqualTo(200);
    JsonNode json = proof.json();
    assertThat(json.get("storedEventMatches").asBoolean()).isTrue();
    assertThat(json.get("document").asText()).contains("令和6年能登半島地震 その1");
    assertThat(json.at("/links/0/type").asText())
        .isEqualTo("jp.emergencyaccess.ledger.notice.NoticeRegistered");
    assertThat(Outsider.proofHolds(json, publishedKey())).isTrue();
    assertThat(mhlw().get("/api/integrity/proof/" + position).status()).isEqualTo(200);
  }

  @Test
  void everyCheckpoint_verifiesWithThePublishedKey_usingOnlyTheJdk() throws Exception {
    ChainWait.untilCheckpointed(jdbc, recordAnEvent());
    PublicKey key = publishedKey();

    JsonNode checkpoints = api().as("kanazawa-clinic").get("/api/integrity/checkpoints").json();
    assertThat(checkpoints.size()).isPositive();
    for (JsonNode checkpoint : checkpoints) {
      assertThat(Outsider.signatureHolds(checkpoint, key)).as(checkpoint.toString()).isTrue();
      assertThat(checkpoint.get("signedAt").asText()).endsWith("+09:00");
    }
  }

  @Test
  void theSharedStore_verifiesOk_wholeAndInARange() {
    long position = recordAnEvent();
    ChainWait.untilChained(jdbc, position);

    JsonNode whole = fund().get("/api/integrity/verify").json();
    assertThat(whole.get("ok").asBoolean()).as(whole.toString()).isTrue();
    assertThat(whole.has("firstBroken")).isFalse();
    assertThat(whole.get("checked").asLong()).isPositive();
    assertThat(whole.at("/head/position").asLong()).isGreaterThanOrEqualTo(position);
    assertThat(whole.at("/head/hash").asText()).hasSize(64);

    JsonNode one = mhlw().get("/api/integrity/verify?from=" + position + "&to=" + position).json();
    assertThat(one.get("ok").asBoolean()).isTrue();
    assertThat(one.get("checked").asLong()).isEqualTo(1);
    assertThat(one.at("/head/position").asLong()).isEqualTo(position);
  }

  @Test
  void verificationAndProofs_areForTheMinistryAndTheFundOnly() {
    assertThat(monitor().get("/api/integrity/verify").status()).isEqualTo(403);
    assertThat(api().as("nanao-pharmacy").get("/api/integrity/verify").status()).isEqualTo(403);
    assertThat(monitor().get("/api/integrity/proof/1").status()).isEqualTo(403);
    assertThat(api().anonymous().get("/api/integrity/checkpoints").status()).isEqualTo(401);
    assertThat(api().anonymous().get("/api/integrity/public-key").status()).isEqualTo(401);
  }

  @Test
  void badRangesAndUnknownPositions_areRefused() {
    assertThat(fund().get("/api/integrity/verify?from=5&to=4").status()).isEqualTo(400);
    assertThat(fund().get("/api/integrity/verify?from=x").status()).isEqualTo(400);
    assertThat(fund().get("/api/integrity/proof/999999999").status()).isEqualTo(404);
  }
}
