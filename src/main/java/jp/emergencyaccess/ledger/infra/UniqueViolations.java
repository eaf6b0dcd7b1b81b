package jp.emergencyaccess.ledger.infra;

import java.sql.SQLException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells the event store that an append broke a unique key, so that it refuses a second first event
 * of a stream as {@code AggregateStreamCreationException} (a later event as {@code
 * ConcurrencyException}) rather than as a storage failure. Axon's {@code JdbcSQLErrorCodesResolver}
 * looks only for a {@code SQLIntegrityConstraintViolationException} among the causes; appends are
 * JDBC batches, and both H2 and PostgreSQL report a batch's failure as a {@link
 * java.sql.BatchUpdateException} whose SQL state, or whose next exception's, is the standard 23505
 * (unique violation). Other broken constraints (23502 not null, ...) stay storage failures.
 */
final class UniqueViolations implements PersistenceExceptionResolver {
  private static final String UNIQUE_VIOLATION = "23505";

  @Override
  public boolean isDuplicateKeyViolation(Exception exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLException sql && isUniqueViolation(sql)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isUniqueViolation(SQLException first) {
    for (SQLException e = first; e != null; e = e.getNextException()) {
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return true;
      }
    }
    return false;
  }
}
