package jp.emergencyaccess.ledger.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The server key under which patient identifiers become pseudonyms. {@code ledger.pseudonym.key} is
 * base64 (standard alphabet) of at least 32 random bytes. When it is not configured, the embedded
 * default generates one once and keeps it in {@code <ledger.data-dir>/pseudonym.key} (owner-only
 * permissions), so the same patient keeps the same patientRef across restarts; the {@code postgres}
 * and {@code axonserver} profiles refuse to start without a configured key (a key on a developer's
 * disk must never silently become a production key).
 */
public final class PseudonymKey {
  static final String PROPERTY = "ledger.pseudonym.key";
  static final String FILE_NAME = "pseudonym.key";
  static final int MIN_BYTES = 32;

  private PseudonymKey() {}

  public static byte[] resolve(Environment environment) {
    String configured = environment.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return decode(configured, PROPERTY);
    }
    if (environment.acceptsProfiles(Profiles.of("postgres | axonserver"))) {
      throw new IllegalStateException(
          PROPERTY
              + " is required in the postgres and axonserver profiles: base64 of at least "
              + MIN_BYTES
              + " random bytes (e.g. openssl rand -base64 32)");
    }
    String dataDir = environment.getProperty("ledger.data-dir", "./data");
    return fromFile(Path.of(dataDir).resolve(FILE_NAME));
  }

  /** Reads the key kept in {@code file}, generating and keeping a new one the first time. */
  static byte[] fromFile(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] key = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(key);
        try {
          Files.writeString(
              Files.createFile(file, ownerOnly(file)),
              Base64.getEncoder().encodeToString(key),
              StandardCharsets.US_ASCII);
        } catch (FileAlreadyExistsException raced) {
          // another process created it first: use theirs
        }
      }
      return decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the pseudonym key in " + file, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(Path file) {
    boolean posix =
        file.toAbsolutePath().getFileSystem().supportedFileAttributeViews().contains("posix");
    return posix
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
        }
        : new FileAttribute<?>[0];
  }

  private static byte[] decode(String base64, String source) {
    byte[] key;
    try {
      key = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the pseudonym key in " + source + " is not base64");
    }
    if (key.length < MIN_BYTES) {
      throw new IllegalStateException(
          "the pseudonym key in " + source + " must be at least " + MIN_BYTES + " bytes");
    }
    return key;
  }
}
