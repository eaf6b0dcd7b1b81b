package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.common.SnapshotReads;
import jp.emergencyaccess.ledger.support.HttpTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A snapshot read sees the database as of its first query: a row another connection commits
 * meanwhile is in none of its later queries, not even those of a table it had not read yet (the
 * page read after the counts), and is there for the next read.
 */
abstract class SnapshotReadsScenarios extends HttpTest {
  @Autowired private SnapshotReads snapshots;
  @Autowired private DataSource dataSource;

  @BeforeEach
  void probeTables() {
    jdbc.execute("create table if not exists snapshot_probe_counts (id varchar(64))");
    jdbc.execute("create table if not exists snapshot_probe_rows (id varchar(64))");
  }

  private long count(String table, String id) {
    return jdbc.queryForObject("select count(*) from " + table + " where id = ?", Long.class, id);
  }

  /** Commits a row into both tables on a connection of its own, as a history batch would. */
  private void commitElsewhere(String id) {
    try (Connection other = dataSource.getConnection()) {
      other.setAutoCommit(true);
      for (String table : List.of("snapshot_probe_counts", "snapshot_probe_rows")) {
        try (PreparedStatement insert =
            other.prepareStatement("insert into " + table + " (id) values (?)")) {
          insert.setString(1, id);
          insert.executeUpdate();
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aRowCommittedBetweenTheQueriesOfOneRead_isInNoneOfThem_andInTheNextRead() {
    String id = UUID.randomUUID().toString();
    List<Long> seen =
        snapshots.read(
            () -> {
              long counts = count("snapshot_probe_counts", id);
              commitElsewhere(id);
              return List.of(
                  counts, count("snapshot_probe_rows", id), count("snapshot_probe_counts", id));
            });

    assertThat(seen).as("counts, then rows, then counts again").containsExactly(0L, 0L, 0L);
    assertThat(
            snapshots.read(
                () ->
                    List.of(count("snapshot_probe_counts", id), count("snapshot_probe_rows", id))))
        .containsExactly(1L, 1L);
  }

  @Test
  void afterASnapshotRead_itsConnectionGoesBackToThePoolAtReadCommitted() throws SQLException {
    snapshots.read(() -> count("snapshot_probe_counts", "none"));
    // The pool hands a thread the connection it gave back last: the snapshot's own.
    try (Connection next = dataSource.getConnection()) {
      assertThat(next.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_READ_COMMITTED);
    }
  }
}
