package jp.emergencyaccess.ledger.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.emergencyaccess.ledger.common.InvalidField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class PseudonymsTest {
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

  @Test
  void patientRef_isTheFirst32HexCharactersOfHmacSha256() throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
    String full = HexFormat.of().formatHex(mac.doFinal("P-0001".getBytes(StandardCharsets.UTF_8)));
    assertThat(new Pseudonyms(KEY).refOf("P-0001")).isEqualTo(full.substring(0, 32));
  }

  @Test
  void anotherKey_givesAnotherRef() {
    byte[] other = "fedcba9876543210fedcba9876543210".getBytes();
    assertThat(new Pseudonyms(KEY).refOf("P-0001"))
        .isNotEqualTo(new Pseudonyms(other).refOf("P-0001"));
  }

  @Test
  void badPatientIds_areRefused_withoutRepeatingThem() {
    String tooLong = "SECRET".repeat(11);
    assertThatThrownBy(() -> new Pseudonyms(KEY).refOf(tooLong))
        .isInstanceOf(InvalidField.class)
        .hasMessageNotContaining("SECRET");
    assertThatThrownBy(() -> new Pseudonyms(KEY).refOf(" ")).isInstanceOf(InvalidField.class);
  }

  @Test
  void aConfiguredBase64Key_isUsed() {
    var env =
        new MockEnvironment()
            .withProperty("ledger.pseudonym.key", Base64.getEncoder().encodeToString(KEY));
    assertThat(PseudonymKey.resolve(env)).isEqualTo(KEY);
  }

  @Test
  void aShortOrMalformedKey_isRefused() {
    var shortKey = new MockEnvironment().withProperty("ledger.pseudonym.key", "c2hvcnQ=");
    assertThatThrownBy(() -> PseudonymKey.resolve(shortKey)).hasMessageContaining("32 bytes");
    var notBase64 = new MockEnvironment().withProperty("ledger.pseudonym.key", "***");
    assertThatThrownBy(() -> PseudonymKey.resolve(notBase64)).hasMessageContaining("base64");
  }

  @Test
  void postgresAndAxonServerProfiles_refuseToStartWithoutAKey(@TempDir Path dir) {
    for (String profile : new String[] {"postgres", "axonserver"}) {
      var env = new MockEnvironment().withProperty("ledger.data-dir", dir.toString());
      env.setActiveProfiles(profile);
      assertThatThrownBy(() -> PseudonymKey.resolve(env))
          .hasMessageContaining("ledger.pseudonym.key is required");
    }
    assertThat(dir.resolve(PseudonymKey.FILE_NAME)).doesNotExist();
  }

  @Test
  void theEmbeddedDefault_generatesAKeyOnce_ownerOnly_andReusesIt(@TempDir Path dir)
      throws Exception {
    var env = new MockEnvironment().withProperty("ledger.data-dir", dir.resolve("data").toString());
    byte[] first = PseudonymKey.resolve(env);
    byte[] again = PseudonymKey.resolve(env);
    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(again);
    Path file = dir.resolve("data").resolve(PseudonymKey.FILE_NAME);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }
}
