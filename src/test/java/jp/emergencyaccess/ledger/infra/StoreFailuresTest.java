package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.UncategorizedSQLException;

class StoreFailuresTest {

  @Test
  void aLostOrRefusedConnection_isTheStoreBeingUnavailable() {
    assertThat(StoreFailures.unavailable(new DataAccessResourceFailureException("down"))).isTrue();
    // PostgreSQL's fast shutdown ends every session with 57P01.
    assertThat(
            StoreFailures.unavailable(
                new UncategorizedSQLException(
                    "commit",
                    null,
                    new SQLException(
                        "terminating connection due to administrator command", "57P01"))))
        .isTrue();
    assertThat(StoreFailures.unavailable(new SQLException("disk full", "53100"))).isTrue();
    // A statement on a connection the pool closed after the store dropped it.
    assertThat(
            StoreFailures.unavailable(
                new org.axonframework.common.jdbc.JdbcException(
                    "Failed to create a SQL statement", new SQLException("Connection is closed"))))
        .isTrue();
  }

  @Test
  void aFailedBatch_isReadThroughItsNextException() {
    BatchUpdateException batch =
        new BatchUpdateException("batch failed", "50000", 50000, new int[0]);
    SQLException next = new SQLException("General error", "HY000");
    next.initCause(new IOException("No space left on device"));
    batch.setNextException(next);
    assertThat(
            StoreFailures.unavailable(
                new EventStoreException("An event could not be persisted", batch)))
        .isTrue();
  }

  @Test
  void brokenRulesAndBugs_areNot() {
    assertThat(
            StoreFailures.unavailable(
                new DuplicateKeyException("taken", new SQLException("unique", "23505"))))
        .isFalse();
    assertThat(
            StoreFailures.unavailable(
                new DataIntegrityViolationException("null", new SQLException("not null", "23502"))))
        .isFalse();
    assertThat(StoreFailures.unavailable(new IllegalStateException("a bug"))).isFalse();
    assertThat(StoreFailures.unavailable(null)).isFalse();
  }
}
