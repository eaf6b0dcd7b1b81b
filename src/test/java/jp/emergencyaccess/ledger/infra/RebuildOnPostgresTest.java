package jp.emergencyaccess.ledger.infra;

import java.nio.file.Path;
import java.util.List;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;

class RebuildOnPostgresTest extends RebuildScenarios {
  private String url;

  @Override
  protected List<String> store(Path dataDir) {
    if (url == null) {
      url = EmbeddedPostgresInitializer.newDatabase();
    }
    return List.of(
        "--ledger.data-dir=" + dataDir,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres");
  }

  @Override
  protected String jdbcUrl(Path dataDir) {
    return url;
  }

  @Override
  protected String user() {
    return "postgres";
  }

  @Override
  protected String password() {
    return "postgres";
  }

  @Override
  protected String[] profiles() {
    return new String[] {"demo", "test", "postgres"};
  }
}
