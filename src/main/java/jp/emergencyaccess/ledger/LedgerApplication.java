package jp.emergencyaccess.ledger;

import java.util.Arrays;
import jp.emergencyaccess.ledger.infra.CommandLine;
import jp.emergencyaccess.ledger.integrity.IntegrityCommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LedgerApplication {
  public static void main(String[] args) {
    // "verify" checks the integrity chain without starting the ledger (docs/integrity.md).
    if (args.length > 0 && args[0].equals("verify")) {
      System.exit(
          IntegrityCommandLine.verify(Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    // "rebuild" replays the events into the transactional read models (README). The exit is
    // explicit: after a failure, threads the context left behind would keep the JVM alive.
    if (CommandLine.names(args)) {
      System.exit(CommandLine.exitCode(LedgerApplication.class, args));
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
