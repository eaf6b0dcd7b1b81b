package jp.emergencyaccess.ledger.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {
  /** Made by {@code openssl genpkey -algorithm ed25519}: the same key as application-test.yml. */
  static final String OPENSSL_KEY =
      "MC4CAQAwBQYDK2VwBCIEII3ERR87H3lJdu7Xuf4fKEzQK778kKbFLWqDAhBn0xxb";

  private static IntegrityProperties properties(String key, boolean generate) {
    return new IntegrityProperties(
        true,
        100,
        Duration.ofSeconds(60),
        Duration.ofSeconds(60),
        Duration.ofMillis(200),
        500,
        key,
        null,
        generate);
  }

  @Test
  void theDerivedPublicKey_isTheGeneratedOne() {
    SigningKey generated = SigningKey.generate();
    SigningKey reloaded = SigningKey.fromText(generated.privateKeyPem());
    assertThat(reloaded.publicKeyPem()).isEqualTo(generated.publicKeyPem());
    assertThat(reloaded.keyId()).isEqualTo(generated.keyId()).hasSize(16);
  }

  @Test
  void aCheckpointSignature_verifiesWithTheJdkAlone_andFailsWhenAnythingChanges() throws Exception {
    SigningKey key = SigningKey.fromText(OPENSSL_KEY);
    Checkpoint checkpoint =
        Checkpoint.sign(42, "ab".repeat(32), Instant.parse("2024-02-20T01:15:00.123456Z"), key);
    PublicKey published =
        KeyFactory.getInstance("Ed25519")
            .generatePublic(
                new X509EncodedKeySpec(
                    Base64.getMimeDecoder()
                        .decode(
                            key.publicKeyPem()
                                .replace("-----BEGIN PUBLIC KEY-----", "")
                                .replace("-----END PUBLIC KEY-----", ""))));
    Signature jdk = Signature.getInstance("Ed25519");
    jdk.initVerify(published);
    jdk.update(
        ("ledger-checkpoint-v1\n42\n" + "ab".repeat(32) + "\n1708391700123").getBytes("UTF-8"));
    assertThat(jdk.verify(Base64.getDecoder().decode(checkpoint.signature()))).isTrue();

    Checkpoint otherHash =
        new Checkpoint(
            42, "cd".repeat(32), checkpoint.signedAt(), checkpoint.keyId(), checkpoint.signature());
    Checkpoint otherPosition =
        new Checkpoint(
            43,
            checkpoint.hash(),
            checkpoint.signedAt(),
            checkpoint.keyId(),
            checkpoint.signature());
    assertThat(checkpoint.verifiesWith(published)).isTrue();
    assertThat(otherHash.verifiesWith(published)).isFalse();
    assertThat(otherPosition.verifiesWith(published)).isFalse();
    assertThat(checkpoint.verifiesWith(SigningKey.generate().publicKey())).isFalse();
  }

  @Test
  void theEmbeddedDefault_generatesAKeyOnce_ownerOnly_andReusesItAfterARestart(@TempDir Path dir)
      throws Exception {
    SigningKey first = SigningKeys.load(properties(null, true), dir.toString());
    SigningKey afterRestart = SigningKeys.load(properties(null, true), dir.toString());

    assertThat(afterRestart.keyId()).isEqualTo(first.keyId());
    Path file = dir.resolve(SigningKeys.GENERATED);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
  }

  @Test
  void withoutGeneration_aKeyIsRequired(@TempDir Path dir) {
    assertThatThrownBy(() -> SigningKeys.load(properties(null, false), dir.toString()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ledger.integrity.signing-key");
    assertThat(SigningKeys.load(properties(OPENSSL_KEY, false), dir.toString()).keyId())
        .isEqualTo(SigningKey.fromText(OPENSSL_KEY).keyId());
  }

  @Test
  void somethingElseThanAnEd25519Key_isRefused() {
    assertThatThrownBy(() -> SigningKey.fromText("bm90IGEga2V5"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
