package jp.emergencyaccess.ledger.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
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
 * <p>When a write fails (a full or read-only disk), H2 closes its store for every connection. A
 * transaction that commits meanwhile is answered as committed although nothing of it reaches the
 * file, and it is gone when the database opens again: H2 2.3 skips the commit on a closed store
 * without an error, and a commit that reads the store's write delay after the closing has begun
 * (the closing sets it to -1 first, before the store counts as closed) skips the write. Every
 * command answered from such a commit would be a lie. So after each commit the store of the
 * transaction's own connection is asked whether a write failed ({@link MVStore#getPanicException},
 * set before the closing starts) or it is closed or closing; if so the commit is reported as failed
 * (its fate unknown to the caller, as when a connection to PostgreSQL is lost during a commit),
 * which is answered 503 and may be retried. A store without a failed write wrote the commit, or the
 * commit threw. H2's internals are read because SQL does not show a failed write. A read-only
 * transaction has nothing to confirm, and PostgreSQL needs no such check.
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
    try {
      if (!storeIntact(holder.getConnection())) {
        throw new TransactionSystemException(
            "a write of the H2 store failed while this transaction committed:"
                + " it may not have been written");
      }
    } catch (SQLException storeClosed) {
      throw new TransactionSystemException(
          "the H2 store closed while this transaction committed: it may not have been written",
          storeClosed);
    }
  }

  /** Whether the connection's store has had no failed write and is open. */
  private static boolean storeIntact(Connection connection) throws SQLException {
    if (connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
      MVStore store = session.getDatabase().getStore().getMvStore();
      return store.getPanicException() == null
          && !store.isClosed()
          && store.getAutoCommitDelay() == 0;
    }
    // A session of an H2 server: the server's store cannot be asked, a statement at least
    // finds it closed.
    try (Statement check = connection.createStatement()) {
      check.execute("SELECT 1");
      return true;
    }
  }
}
