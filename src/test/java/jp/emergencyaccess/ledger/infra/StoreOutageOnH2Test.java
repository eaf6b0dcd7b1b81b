package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import jp.emergencyaccess.ledger.support.FailingWrites;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The embedded store's disk refuses every write (full, or read-only) and then takes them again. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/outage-h2-${random.uuid}")
@ActiveProfiles("test")
@ContextConfiguration(initializers = FailingWrites.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoreOutageOnH2Test extends StoreOutageScenarios {
  @Autowired private PlatformTransactionManager transactions;
  @Autowired private DataSource dataSource;
  private long refusedBefore;

  @Override
  protected void storeGoesAway() {
    refusedBefore = FailingWrites.refused();
    FailingWrites.fail();
  }

  @Override
  protected void storeComesBack() {
    FailingWrites.heal();
    assertThat(FailingWrites.refused())
        .as("writes refused by the full disk")
        .isGreaterThan(refusedBefore);
  }

  /**
   * One transaction is open when another connection's write meets the full disk, and H2 closes its
   * store. The open transaction's commit must not be answered as done: H2 marks it committed in
   * memory only, and it is gone when the database opens again. Runs last: the closed store sends
   * the processors into their retry pauses, which the outage scenario would wait out.
   */
  @Test
  @Order(Integer.MAX_VALUE)
  void aCommitAfterAnotherWriteClosedTheStore_failsAsUnavailable_andNothingOfItIsStored()
      throws Exception {
    jdbc.execute("create table if not exists commit_probe (id varchar(64) primary key)");
    String id = "kept-" + UUID.randomUUID();
    TransactionStatus open = transactions.getTransaction(new DefaultTransactionDefinition());
    jdbc.update("insert into commit_probe (id) values (?)", id);
    Throwable otherWrite;
    Throwable commit;
    long refused = FailingWrites.refused();
    try {
      FailingWrites.fail();
      otherWrite =
          catchThrowable(
              () -> {
                try (Connection other = dataSource.getConnection();
                    Statement insert = other.createStatement()) {
                  other.setAutoCommit(false);
                  insert.executeUpdate("insert into commit_probe (id) values ('other')");
                  other.commit();
                }
              });
      commit = catchThrowable(() -> transactions.commit(open));
    } finally {
      FailingWrites.heal();
    }
    assertThat(FailingWrites.refused())
        .as("writes refused by the full disk")
        .isGreaterThan(refused);
    assertThat(otherWrite).as("the other connection's commit on the full disk").isNotNull();
    assertThat(commit).as("the commit after the store closed").isNotNull();
    assertThat(StoreFailures.unavailable(commit)).as(commit.toString()).isTrue();
    assertThat(storedOnceOpenAgain(id)).as("rows of the failed commit").isZero();
  }

  /**
   * The moment between a failed write and the store counting as closed: H2's closing sets the
   * store's write delay to -1 before anything else, and a commit that reads it then skips its write
   * and returns as done. The test holds that moment open by setting the delay as the closing does.
   */
  @Test
  @Order(Integer.MAX_VALUE - 1)
  void aCommitWhileTheStoreBeginsToClose_failsAsUnavailable() throws Exception {
    jdbc.execute("create table if not exists commit_probe (id varchar(64) primary key)");
    MVStore store;
    try (Connection connection = dataSource.getConnection()) {
      store =
          ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession())
              .getDatabase()
              .getStore()
              .getMvStore();
    }
    Throwable commit;
    store.setAutoCommitDelay(-1);
    try {
      commit =
          catchThrowable(
              () ->
                  new TransactionTemplate(transactions)
                      .executeWithoutResult(
                          status ->
                              jdbc.update(
                                  "insert into commit_probe (id) values (?)",
                                  "closing-" + UUID.randomUUID())));
    } finally {
      store.setAutoCommitDelay(0);
    }
    assertThat(commit).as("the commit while the store begins to close").isNotNull();
    assertThat(StoreFailures.unavailable(commit)).as(commit.toString()).isTrue();
  }

  /**
   * How many rows {@code id} has, once the database is open again: the pool hands out connections
   * to the closed database until each has failed once.
   */
  private long storedOnceOpenAgain(String id) throws InterruptedException {
    for (int attempt = 0; ; attempt++) {
      try {
        return jdbc.queryForObject(
            "select count(*) from commit_probe where id = ?", Long.class, id);
      } catch (RuntimeException closed) {
        if (!StoreFailures.unavailable(closed) || attempt > 50) {
          throw closed;
        }
        Thread.sleep(100);
      }
    }
  }
}
