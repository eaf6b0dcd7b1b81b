// The ledger's keys for docker-compose.yml, made once: run by its `ledger-keys` service as
//   java /init/LedgerKeys.java /keys
// (a JDK's single-file source launcher; no build needed). It writes one file per property into
// DIR, which the ledger reads as a Spring Boot config tree (SPRING_CONFIG_IMPORT=configtree:...):
//   ledger.pseudonym.key           base64 of 32 random bytes (patient identifiers -> patientRef)
//   ledger.integrity.signing-key   base64 of a PKCS#8 Ed25519 key (checkpoint signatures)
// A key given in the environment (LEDGER_PSEUDONYM_KEY, LEDGER_INTEGRITY_SIGNING_KEY) is written
// when the volume has none yet; a key already in the volume is kept on every later start, and a
// different one in the environment is refused rather than silently replacing it (a new pseudonym
// key would give every patient a new patientRef; a new signing key is a key rotation, see
// docs/integrity.md).
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;

public class LedgerKeys {
  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "/keys");
    Files.createDirectories(dir);
    boolean ok =
        keep(dir, "ledger.pseudonym.key", "LEDGER_PSEUDONYM_KEY", LedgerKeys::pseudonymKey)
            & keep(
                dir,
                "ledger.integrity.signing-key",
                "LEDGER_INTEGRITY_SIGNING_KEY",
                LedgerKeys::signingKey);
    System.exit(ok ? 0 : 1);
  }

  private static boolean keep(Path dir, String property, String variable, Supplier<String> fresh)
      throws Exception {
    Path file = dir.resolve(property);
    String given = System.getenv(variable);
    given = given == null || given.isBlank() ? null : given.trim();
    if (Files.exists(file)) {
      String kept = Files.readString(file, StandardCharsets.US_ASCII).trim();
      if (given != null && !given.equals(kept)) {
        System.err.println(
            variable + " differs from the " + property + " kept in " + dir + ": refused; remove"
                + " the variable to keep the stored key, or the volume's file to replace it");
        return false;
      }
      System.out.println(property + ": kept");
      return true;
    }
    Path written =
        Files.createFile(
            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(written, given != null ? given : fresh.get(), StandardCharsets.US_ASCII);
    System.out.println(property + (given != null ? ": written from " + variable : ": generated"));
    return true;
  }

  private static String pseudonymKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static String signingKey() {
    try {
      return Base64.getEncoder()
          .encodeToString(
              KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
