package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import jp.emergencyaccess.ledger.support.HttpTest;
import jp.emergencyaccess.ledger.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** The running embedded store: its H2 file and keys can be read by their owner only. */
@OnH2
class DataDirectoryOnH2Test extends HttpTest {
  @Value("${ledger.data-dir}")
  Path dataDir;

  @Test
  void theDataDirectory_isOwnerOnly_andSoIsEveryFileInIt() throws IOException {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dataDir)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString()).contains("ledger.mv.db");
    for (Path file : files) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .as("%s", file)
          .isEqualTo("rw-------");
    }
  }
}
