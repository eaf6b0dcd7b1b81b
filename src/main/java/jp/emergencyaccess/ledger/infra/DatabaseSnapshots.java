package jp.emergencyaccess.ledger.infra;

import java.sql.SQLException;
import java.util.function.Supplier;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.common.SnapshotReads;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SnapshotReads} as one read-only transaction that sees the whole database as of its first
 * query. On PostgreSQL that is REPEATABLE READ. H2's REPEATABLE READ takes each table's snapshot at
 * the table's first read, so a page read after the counts could still see rows the counts miss; its
 * SNAPSHOT level (not one of JDBC's constants) fixes every table at once. The pool resets the
 * connection's level when the transaction gives it back.
 */
@Component
class DatabaseSnapshots implements SnapshotReads {
  /** {@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}. */
  private static final int H2_SNAPSHOT = 6;

  private final DataSource dataSource;
  private final TransactionTemplate transaction;
  private final boolean h2;

  DatabaseSnapshots(DataSource dataSource, PlatformTransactionManager transactions) {
    this.dataSource = dataSource;
    this.h2 = EmbeddedStore.isH2(dataSource);
    this.transaction = new TransactionTemplate(transactions);
    transaction.setReadOnly(true);
    if (!h2) {
      transaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }
  }

  @Override
  public <T> T read(Supplier<T> work) {
    return transaction.execute(
        status -> {
          if (h2) {
            try {
              DataSourceUtils.getConnection(dataSource).setTransactionIsolation(H2_SNAPSHOT);
            } catch (SQLException e) {
              throw new IllegalStateException("could not open a snapshot of the read models", e);
            }
          }
          return work.get();
        });
  }
}
