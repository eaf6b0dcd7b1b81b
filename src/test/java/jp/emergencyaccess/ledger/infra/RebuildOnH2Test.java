package jp.emergencyaccess.ledger.infra;

import java.nio.file.Path;
import java.util.List;

class RebuildOnH2Test extends RebuildScenarios {
  @Override
  protected List<String> store(Path dataDir) {
    return List.of("--ledger.data-dir=" + dataDir);
  }

  @Override
  protected String jdbcUrl(Path dataDir) {
    return "jdbc:h2:file:"
        + dataDir.toAbsolutePath()
        + "/ledger;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
  }

  @Override
  protected String user() {
    return "ledger";
  }

  @Override
  protected String password() {
    return "";
  }

  @Override
  protected String[] profiles() {
    return new String[] {"demo", "test"};
  }
}
