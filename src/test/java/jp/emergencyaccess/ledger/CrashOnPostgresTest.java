package jp.emergencyaccess.ledger;

import java.nio.file.Path;
import java.util.List;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;

/**
 * The crash drill on the {@code postgres} profile: the killed ledger and the one started after it
 * use one database of the embedded PostgreSQL server (which itself keeps running).
 */
class CrashOnPostgresTest extends CrashScenarios {
  @Override
  protected List<String> newStore(Path dataDir) {
    return List.of(
        "--spring.profiles.active=postgres,test",
        "--spring.datasource.url=" + EmbeddedPostgresInitializer.newDatabase(),
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--ledger.data-dir=" + dataDir.toAbsolutePath());
  }

  @Override
  protected String mode() {
    return "PostgreSQL";
  }
}
