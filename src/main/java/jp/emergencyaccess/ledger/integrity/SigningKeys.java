package jp.emergencyaccess.ledger.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the checkpoint signing key: configured text, a configured file, or (embedded default only)
 * a key generated once under the data directory with owner-only permissions and reused ever after.
 */
public final class SigningKeys {
  static final String GENERATED = "integrity/checkpoint-signing-key.pem";
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private SigningKeys() {}

  /** The key the chainer signs with; generates it when allowed and absent. */
  public static SigningKey load(IntegrityProperties properties, String dataDir) {
    Optional<SigningKey> configured = configured(properties, dataDir);
    if (configured.isPresent()) {
      return configured.get();
    }
    if (!properties.generateKey() || dataDir == null) {
      throw new IllegalStateException(
          "no checkpoint signing key: set ledger.integrity.signing-key (PKCS#8 PEM or base64) or"
              + " ledger.integrity.signing-key-file (see docs/integrity.md)");
    }
    return generateUnder(Path.of(dataDir));
  }

  /** The configured or previously generated key, never generating one (for verification). */
  public static Optional<SigningKey> configured(IntegrityProperties properties, String dataDir) {
    if (notBlank(properties.signingKey())) {
      return Optional.of(SigningKey.fromText(properties.signingKey()));
    }
    if (notBlank(properties.signingKeyFile())) {
      return Optional.of(read(Path.of(properties.signingKeyFile())));
    }
    if (properties.generateKey() && dataDir != null) {
      Path generated = Path.of(dataDir).resolve(GENERATED);
      if (Files.exists(generated)) {
        return Optional.of(read(generated));
      }
    }
    return Optional.empty();
  }

  static SigningKey generateUnder(Path dataDir) {
    Path file = dataDir.resolve(GENERATED);
    try {
      Files.createDirectories(file.getParent());
      SigningKey key = SigningKey.generate();
      byte[] pem = key.privateKeyPem().getBytes(StandardCharsets.UTF_8);
      if (posix(file.getParent())) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
        file.toFile().setReadable(false, false);
        file.toFile().setReadable(true, true);
        file.toFile().setWritable(false, false);
        file.toFile().setWritable(true, true);
      }
      Files.write(file, pem);
      LOG.info("generated the checkpoint signing key {} (key id {})", file, key.keyId());
      return key;
    } catch (FileAlreadyExistsException e) {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the signing key " + file, e);
    }
  }

  private static SigningKey read(Path file) {
    try {
      if (posix(file) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(file))) {
        LOG.warn("the checkpoint signing key {} is readable by others than its owner", file);
      }
      return SigningKey.fromText(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the signing key " + file, e);
    }
  }

  private static boolean posix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
