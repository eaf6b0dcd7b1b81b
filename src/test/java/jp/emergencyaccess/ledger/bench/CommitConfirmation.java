package jp.emergencyaccess.ledger.bench;

import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * (2) What confirming each commit costs on H2 ({@code infra.ConfirmedCommits}): one-row commits
 * from one thread, alternating Spring Boot's plain {@link JdbcTransactionManager} and the ledger's
 * on the same store, so that both see the same machine at the same moment.
 */
final class CommitConfirmation {
  private final TransactionTemplate plain;
  private final TransactionTemplate ledger;
  private final JdbcTemplate jdbc;
  private final int commits;

  CommitConfirmation(
      DataSource dataSource, PlatformTransactionManager ledger, JdbcTemplate jdbc, int commits) {
    this.plain = new TransactionTemplate(new JdbcTransactionManager(dataSource));
    this.ledger = new TransactionTemplate(ledger);
    this.jdbc = jdbc;
    this.commits = commits;
  }

  /** Commits per second, with the plain manager and with the ledger's. */
  double[] perSecond() {
    long plainNanos = 0;
    long ledgerNanos = 0;
    for (int i = 0; i < commits; i++) {
      // Which goes first alternates too, so neither always follows the other's write.
      if (i % 2 == 0) {
        plainNanos += commitOne(plain, i);
        ledgerNanos += commitOne(ledger, i);
      } else {
        ledgerNanos += commitOne(ledger, i);
        plainNanos += commitOne(plain, i);
      }
    }
    return new double[] {commits / (plainNanos / 1e9), commits / (ledgerNanos / 1e9)};
  }

  private long commitOne(TransactionTemplate transaction, int i) {
    long started = System.nanoTime();
    transaction.executeWithoutResult(
        status -> jdbc.update("update store_probe set probed_at_ms = ? where id = 1", i));
    return System.nanoTime() - started;
  }
}
