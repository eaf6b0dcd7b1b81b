package jp.emergencyaccess.ledger.infra;

import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.transaction.TransactionManagerCustomizers;
import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's transaction manager (Spring Boot's own, {@link JdbcTransactionManager}), which on
 * the embedded H2 store makes sure a commit that returned was written.
 *
 * <p>When a write fails (a full or read-only disk), H2 closes its store. A transaction of another
 * connection that commits after that is answered as committed although nothing of it reaches the
 * file: H2 2.3 skips both the commit marker and the write on a closed store without an error, and
 * the transaction is gone when the database opens again. Every command answered from such a commit
 * would be a lie. So after each commit the same connection asks the store for one row: a closed
 * store refuses it, and the commit is reported as failed with that refusal (its fate unknown to the
 * caller, as when a connection to PostgreSQL is lost during a commit), which is answered 503 and
 * may be retried. A store that is still open after the commit has written it, or has thrown.
 * PostgreSQL needs no such check.
 */
@Component
class ConfirmedCommits extends JdbcTransactionManager {
  private final boolean confirm;

  ConfirmedCommits(
      DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
    super(dataSource);
    this.confirm = EmbeddedStore.isH2(dataSource);
    customizers.ifAvailable(c -> c.customize(this));
  }

  @Override
  protected void doCommit(DefaultTransactionStatus status) {
    super.doCommit(status);
    if (!confirm || status.isReadOnly()) {
      return;
    }
    ConnectionHolder holder =
        (ConnectionHolder) TransactionSynchronizationManager.getResource(obtainDataSource());
    try (Statement check = holder.getConnection().createStatement()) {
      check.execute("SELECT 1");
    } catch (SQLException storeClosed) {
      throw new TransactionSystemException(
          "the H2 store closed while this transaction committed: it may not have been written",
          storeClosed);
    }
  }
}
