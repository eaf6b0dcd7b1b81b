package jp.emergencyaccess.ledger;

import java.nio.file.Path;
import java.util.List;

/** The crash drill on the embedded default: an H2 file under the ledger's data directory. */
class CrashOnH2Test extends CrashScenarios {
  @Override
  protected List<String> newStore(Path dataDir) {
    return List.of(
        "--spring.profiles.active=test", "--ledger.data-dir=" + dataDir.toAbsolutePath());
  }

  @Override
  protected String mode() {
    return "H2";
  }
}
