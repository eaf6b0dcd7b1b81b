package jp.emergencyaccess.ledger;

import jp.emergencyaccess.ledger.infra.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LedgerApplication {
  public static void main(String[] args) {
    if (CommandLine.run(LedgerApplication.class, args)) {
      return;
    }
    SpringApplication.run(LedgerApplication.class, args);
  }
}
