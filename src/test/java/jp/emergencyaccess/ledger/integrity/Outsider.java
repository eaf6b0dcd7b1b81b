package jp.emergencyaccess.ledger.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What someone outside the ledger does with a proof, the published key and nothing but the JDK (no
 * class of the ledger): the steps docs/integrity.md gives.
 */
final class Outsider {
  private static final HexFormat HEX = HexFormat.of();

  private Outsider() {}

  static PublicKey publicKey(String pem) throws Exception {
    String base64 =
        pem.replace("-----BEGIN PUBLIC KEY-----", "")
            .replace("-----END PUBLIC KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("Ed25519")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }

  static boolean signatureHolds(JsonNode checkpoint, PublicKey key) throws Exception {
    String message =
        "ledger-checkpoint-v1\n"
            + checkpoint.get("position").asLong()
            + "\n"
            + checkpoint.get("hash").asText()
            + "\n"
            + checkpoint.get("signedAtEpochMillis").asLong();
    Signature ed25519 = Signature.getInstance("Ed25519");
    ed25519.initVerify(key);
    ed25519.update(message.getBytes(StandardCharsets.UTF_8));
    return ed25519.verify(Base64.getDecoder().decode(checkpoint.get("signature").asText()));
  }

  /** Whether the proof links its event's document to a checkpoint signed by that key. */
  static boolean proofHolds(JsonNode proof, PublicKey key) throws Exception {
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    byte[] digest = sha256.digest(proof.get("document").asText().getBytes(StandardCharsets.UTF_8));
    JsonNode links = proof.get("links");
    JsonNode first = links.get(0);
    if (first.get("position").asLong() != proof.get("position").asLong()
        || !first.get("digest").asText().equals(HEX.formatHex(digest))) {
      return false;
    }
    byte[] previous = HEX.parseHex(proof.get("previousHash").asText());
    for (JsonNode link : links) {
      byte[] type = link.get("type").asText().getBytes(StandardCharsets.UTF_8);
      ByteBuffer input = ByteBuffer.allocate(32 + 8 + 4 + type.length + 32);
      input
          .put(previous)
          .putLong(link.get("position").asLong())
          .putInt(type.length)
          .put(type)
          .put(HEX.parseHex(link.get("digest").asText()));
      previous = sha256.digest(input.array());
      if (!HEX.formatHex(previous).equals(link.get("hash").asText())) {
        return false;
      }
    }
    JsonNode checkpoint = proof.get("checkpoint");
    return links.get(links.size() - 1).get("position").asLong()
            == checkpoint.get("position").asLong()
        && HEX.formatHex(previous).equals(checkpoint.get("hash").asText())
        && signatureHolds(checkpoint, key);
  }
}
