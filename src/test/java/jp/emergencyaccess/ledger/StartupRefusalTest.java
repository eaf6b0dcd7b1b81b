package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The production profiles have no built-in accounts and refuse to start without configured ones; no
 * profile starts on an H2 store that would keep commits in memory.
 */
class StartupRefusalTest {

  @Test
  void postgresProfile_refusesToStartWithoutAccounts() {
    String url = EmbeddedPostgresInitializer.newDatabase();
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(LedgerApplication.class)
                    .profiles("postgres")
                    .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        // Every other required secret is given, so the accounts are what is
                        // missing.
                        "--ledger.pseudonym.key=dGVzdC1vbmx5LXBzZXVkb255bS1rZXktMzItYnl0ZXMhIQ==",
                        "--ledger.integrity.signing-key="
                            + "MC4CAQAwBQYDK2VwBCIEII3ERR87H3lJdu7Xuf4fKEzQK778kKbFLWqDAhBn0xxb",
                        "--logging.level.root=OFF")
                    .close())
        .hasStackTraceContaining("no accounts are configured");
  }

  @Test
  void embeddedStore_refusesToStartOnAnH2UrlWithAWriteDelay() throws Exception {
    Path dataDir = Files.createTempDirectory(Path.of("target"), "write-delay-");
    String url =
        "jdbc:h2:file:"
            + dataDir.toAbsolutePath().resolve("ledger")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";DB_CLOSE_ON_EXIT=FALSE";
    assertThatThrownBy(
            () ->
                new SpringApplicationBuilder(LedgerApplication.class)
                    .run(
                        "--server.port=0",
                        "--ledger.data-dir=" + dataDir,
                        "--spring.datasource.url=" + url,
                        "--logging.level.root=OFF")
                    .close())
        .hasStackTraceContaining("add WRITE_DELAY=0 to spring.datasource.url");
  }
}
