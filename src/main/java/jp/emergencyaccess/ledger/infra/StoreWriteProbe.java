package jp.emergencyaccess.ledger.infra;

import java.time.Clock;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code storeWrites} in /actuator/health: the store takes a write. Reading is not enough: H2 on a
 * full or read-only disk still answers queries from memory while every commit fails. Each check
 * rewrites the one row of {@code store_probe} and commits.
 */
@Component("storeWritesHealthIndicator")
class StoreWriteProbe implements HealthIndicator {
  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;

  StoreWriteProbe(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
  }

  @Override
  public Health health() {
    try {
      transaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "update store_probe set probed_at_ms = ? where id = 1",
                  clock.instant().toEpochMilli()));
      return Health.up().build();
    } catch (RuntimeException e) {
      return Health.down()
          .withDetail("error", e.getClass().getSimpleName())
          .withDetail("unavailable", StoreFailures.unavailable(e))
          .build();
    }
  }
}
