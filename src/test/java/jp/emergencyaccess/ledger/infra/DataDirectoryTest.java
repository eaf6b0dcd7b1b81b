package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class DataDirectoryTest {
  @TempDir Path temp;

  private static StandardEnvironment start(Path dataDir) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .addFirst(new MapPropertySource("given", Map.of("ledger.data-dir", dataDir.toString())));
    new DataDirectory().postProcessEnvironment(environment, new SpringApplication());
    return environment;
  }

  private static String permissions(Path path) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
  }

  @Test
  void aNewDataDirectory_isCreatedForItsOwnerOnly() throws IOException {
    Path dir = temp.resolve("new/data");
    StandardEnvironment environment = start(dir);
    assertThat(environment.getProperty("ledger.data-dir")).isEqualTo(dir.toString());
    assertThat(permissions(dir)).isEqualTo("rwx------");
  }

  @Test
  void anOpenDataDirectory_andItsFiles_areNarrowedToTheirOwner() throws IOException {
    Path dir = Files.createDirectory(temp.resolve("data"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path db = Files.writeString(dir.resolve("ledger.mv.db"), "h2");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    Path sub = Files.createDirectory(dir.resolve("backup"));
    Files.setPosixFilePermissions(sub, PosixFilePermissions.fromString("rwxrwxrwx"));
    Path old = Files.writeString(sub.resolve("old.mv.db"), "h2");
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-rw-rw-"));
    Path readOnly = Files.writeString(dir.resolve("key.pem"), "k");
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r-----"));

    start(dir);

    assertThat(permissions(dir)).isEqualTo("rwx------");
    assertThat(permissions(db)).isEqualTo("rw-------");
    assertThat(permissions(sub)).isEqualTo("rwx------");
    assertThat(permissions(old)).isEqualTo("rw-------");
    assertThat(permissions(readOnly)).isEqualTo("r--------");
  }
}
