package jp.emergencyaccess.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * The production profiles have no built-in accounts and refuse to start without configured ones.
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
                        "--logging.level.root=OFF")
                    .close())
        .hasStackTraceContaining("no accounts are configured");
  }
}
