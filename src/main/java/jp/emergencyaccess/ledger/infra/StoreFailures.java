package jp.emergencyaccess.ledger.infra;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a store that cannot answer or cannot take a write (PostgreSQL down or restarting, the
 * connection lost, H2 on a full or read-only disk, H2 closed after such a failure, no connection
 * free in time) from every other failure. Such a failure says nothing about the request: it is
 * answered 503 and may be sent again. Spring, Axon and the pool wrap the driver's exception in
 * their own, so the whole chain of causes is read. The {@code axonserver} profile's event store
 * counts too: Axon Server unreachable or without a leader ({@link AxonServerFailures}).
 */
public final class StoreFailures {
  /**
   * H2's error codes for a database that is closed or cannot use its files: 90098 closed, 90121
   * closed by shutdown, 90028 and 90031 I/O, 90097 read-only, 90067 connection broken.
   */
  private static final Set<Integer> H2_UNAVAILABLE =
      Set.of(90098, 90121, 90028, 90031, 90097, 90067);

  /**
   * What the pool's proxy of a connection it has already closed (evicted after the store dropped
   * it) throws, without a SQL state, when a statement is still made on it.
   */
  private static final String HIKARI_CLOSED = "Connection is closed";

  private StoreFailures() {}

  /**
   * Whether {@code failure} or one of its causes says the store is unavailable. A JDBC batch
   * reports its failure as the next exception of a {@link java.sql.BatchUpdateException}, with the
   * real cause under that one: both the causes and the next exceptions are followed.
   */
  public static boolean unavailable(Throwable failure) {
    return unavailable(failure, 0);
  }

  private static boolean unavailable(Throwable t, int depth) {
    if (t == null || depth > 20) {
      return false;
    }
    if (isUnavailable(t)) {
      return true;
    }
    if (t instanceof SQLException sql
        && sql.getNextException() != null
        && sql.getNextException() != t
        && unavailable(sql.getNextException(), depth + 1)) {
      return true;
    }
    return t.getCause() != t && unavailable(t.getCause(), depth + 1);
  }

  private static boolean isUnavailable(Throwable t) {
    if (AxonServerFailures.unavailableLink(t)) {
      return true;
    }
    if (t instanceof CannotCreateTransactionException
        || t instanceof TransactionSystemException
        || t instanceof DataAccessResourceFailureException
        || t instanceof TransientDataAccessException
        || t instanceof RecoverableDataAccessException
        || t instanceof IOException) {
      return true;
    }
    if (t instanceof SQLException sql) {
      return t instanceof SQLTransientException
          || HIKARI_CLOSED.equals(sql.getMessage()) && sql.getSQLState() == null
          || t instanceof SQLNonTransientConnectionException
          || t instanceof SQLRecoverableException
          || unavailableState(sql.getSQLState())
          || (isH2(sql) && H2_UNAVAILABLE.contains(sql.getErrorCode()));
    }
    // H2's storage layer (a write failed, the store was closed after one).
    return t.getClass().getName().equals("org.h2.mvstore.MVStoreException");
  }

  /**
   * SQL states of a lost or refused connection (class 08), an administrator's or a crash's shutdown
   * (57P01-57P03), insufficient resources such as a full disk (class 53), a system or I/O error
   * (class 58) and a read-only transaction (25006, a standby).
   */
  private static boolean unavailableState(String state) {
    if (state == null) {
      return false;
    }
    return state.startsWith("08")
        || state.startsWith("53")
        || state.startsWith("58")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03")
        || state.equals("25006");
  }

  private static boolean isH2(SQLException e) {
    return e.getClass().getName().startsWith("org.h2.");
  }
}
