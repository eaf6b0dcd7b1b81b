package jp.emergencyaccess.ledger.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jp.emergencyaccess.ledger.LedgerApplication;
import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The ledger the suite's command runs against: a fresh data directory (or a fresh embedded
 * PostgreSQL database with {@code --postgres}), quiet logs, and the two benchmark facility
 * accounts.
 */
final class BenchLedger {
  /** Account name and facility code: the fresh facility, then the busy (seeded) one. */
  static final String[][] ACCOUNTS = {{"bench-fresh", "4719099998"}, {"bench-busy", "4719099980"}};

  private BenchLedger() {}

  /** A new data directory under target/bench. */
  static Path newDataDir() {
    return Path.of("target", "bench", "data-" + System.currentTimeMillis());
  }

  /**
   * {@code --nodes} ledgers on one store: the first on {@code dataDir}, each further one on its own
   * data directory beside it, all on the same PostgreSQL database with the same pseudonym key (a
   * patient's reference must be the same whichever node records the lookup).
   */
  static List<ConfigurableApplicationContext> startNodes(SuiteOptions options, Path dataDir) {
    String database = options.postgres() ? EmbeddedPostgresInitializer.newDatabase() : null;
    String key = throwawayKey();
    List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    for (int n = 1; n <= options.nodes(); n++) {
      nodes.add(start(options, n == 1 ? dataDir : nodeDir(dataDir, n), database, key));
    }
    return nodes;
  }

  static Path nodeDir(Path dataDir, int node) {
    return Path.of(dataDir + "-node" + node);
  }

  static ConfigurableApplicationContext start(SuiteOptions options, Path dataDir) {
    return start(
        options,
        dataDir,
        options.postgres() ? EmbeddedPostgresInitializer.newDatabase() : null,
        throwawayKey());
  }

  /**
   * A ledger on the embedded store the suite has left in {@code dataDir}, with or without the alert
   * judge.
   */
  static ConfigurableApplicationContext restart(
      SuiteOptions options, Path dataDir, boolean alertJudge) {
    return start(options, dataDir, null, null, "--ledger.alerts.raise=" + alertJudge);
  }

  private static ConfigurableApplicationContext start(
      SuiteOptions options, Path dataDir, String database, String pseudonymKey, String... more) {
    String dir = dataDir.toString();
    List<String> settings =
        new ArrayList<>(
            List.of(
                "--server.port=0",
                "--ledger.data-dir=" + dir,
                "--logging.level.root=WARN",
                "--spring.main.banner-mode=off",
                // The benchmark's municipality (Naha) is in the tests' part of the master.
                "--ledger.regions.masters=classpath:regions/municipalities.csv,"
                    + "classpath:regions/test-municipalities.csv"));
    if (options.postgres()) {
      settings.addAll(
          List.of(
              "--spring.profiles.active=postgres",
              "--spring.datasource.url=" + database,
              "--spring.datasource.username=postgres",
              "--spring.datasource.password=postgres",
              "--ledger.dev-accounts=true",
              "--ledger.integrity.generate-key=true",
              // A throwaway pseudonym key: the benchmark's database is thrown away too.
              "--ledger.pseudonym.key=" + pseudonymKey));
    }
    for (String[] account : ACCOUNTS) {
      String prefix = "--ledger.accounts." + account[0];
      settings.add(prefix + ".password={noop}" + account[0]);
      settings.add(prefix + ".role=FACILITY");
      settings.add(prefix + ".facility-code=" + account[1]);
    }
    settings.addAll(List.of(more));
    return SpringApplication.run(LedgerApplication.class, settings.toArray(String[]::new));
  }

  private static String throwawayKey() {
    byte[] key = new byte[32];
    new java.security.SecureRandom().nextBytes(key);
    return java.util.Base64.getEncoder().encodeToString(key);
  }
}
