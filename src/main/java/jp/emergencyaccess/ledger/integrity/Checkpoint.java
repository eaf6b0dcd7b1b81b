package jp.emergencyaccess.ledger.integrity;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed statement "the chain's entry at {@code position} has hash {@code hash}", made at {@code
 * signedAt}. The signature (Ed25519, base64) covers {@link #signedMessage()}.
 */
public record Checkpoint(
    long position, String hash, Instant signedAt, String keyId, String signature) {

  /**
   * The exact bytes signed: UTF-8 of four lines joined by LF (no trailing LF): {@code
   * ledger-checkpoint-v1}, the position in decimal, the hash in lower-case hex, and {@code
   * signedAt} in epoch milliseconds.
   */
  public static byte[] message(long position, String hash, Instant signedAt) {
    return ("ledger-checkpoint-v1\n" + position + "\n" + hash + "\n" + signedAt.toEpochMilli())
        .getBytes(StandardCharsets.UTF_8);
  }

  public byte[] signedMessage() {
    return message(position, hash, signedAt);
  }

  static Checkpoint sign(long position, String hash, Instant signedAt, SigningKey key) {
    Instant millis = Instant.ofEpochMilli(signedAt.toEpochMilli());
    byte[] signature = key.sign(message(position, hash, millis));
    return new Checkpoint(
        position, hash, millis, key.keyId(), Base64.getEncoder().encodeToString(signature));
  }

  public boolean verifiesWith(PublicKey key) {
    try {
      return SigningKey.verifies(key, signedMessage(), Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
