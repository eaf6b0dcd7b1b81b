package jp.emergencyaccess.ledger.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code ledger.data-dir} absolute before anything uses it: H2 refuses file paths that are
 * implicitly relative, and every file the ledger keeps (database, keys) lives under it.
 *
 * <p>It also keeps the directory to its owner: created (or narrowed to) {@code rwx------}, and the
 * files already in it {@code rw-------}. H2 creates its files with the process's umask, usually
 * readable by everyone; inside a directory only the owner may enter, nobody else can open them, and
 * {@link DataDirectoryPermissions} narrows the files H2 created on this start too. On a file system
 * without POSIX permissions nothing is changed.
 */
public class DataDirectory implements EnvironmentPostProcessor {
  static final String PROPERTY = "ledger.data-dir";
  static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    String configured = environment.getProperty(PROPERTY);
    if (configured == null) {
      return;
    }
    Path absolute = Path.of(configured).toAbsolutePath().normalize();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("ledger-data-dir", Map.of(PROPERTY, absolute.toString())));
    keepToOwner(absolute);
  }

  /**
   * Creates the directory owner-only, or narrows an existing one and the files under it. A path the
   * process may not change is refused at start, since it would leave the history readable.
   */
  static void keepToOwner(Path dir) {
    try {
      if (Files.notExists(dir)) {
        Files.createDirectories(dir.getParent());
        if (!posix(dir.getParent())) {
          Files.createDirectories(dir);
          return;
        }
        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
      }
      if (!posix(dir)) {
        return;
      }
      narrow(dir, DIRECTORY);
      List<Path> inside;
      try (Stream<Path> walk = Files.walk(dir)) {
        inside = walk.filter(p -> !p.equals(dir)).toList();
      }
      for (Path path : inside) {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          narrow(path, DIRECTORY);
        } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
          narrow(path, FILE);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "could not keep the data directory " + dir + " to its owner (rwx------, files rw-------)",
          e);
    }
  }

  private static void narrow(Path path, Set<PosixFilePermission> allowed) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    if (!allowed.containsAll(now)) {
      now.retainAll(allowed);
      Files.setPosixFilePermissions(path, now);
    }
  }

  private static boolean posix(Path path) {
    return Files.getFileAttributeView(path, PosixFileAttributeView.class) != null;
  }
}
