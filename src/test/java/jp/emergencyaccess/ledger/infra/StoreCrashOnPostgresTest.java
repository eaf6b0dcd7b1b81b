package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.support.StoppablePostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** PostgreSQL killed (immediate shutdown) under load, then started again and recovered from WAL. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/outage-pg-${random.uuid}")
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = StoppablePostgres.class)
@DirtiesContext
class StoreCrashOnPostgresTest extends StoreOutageScenarios {
  @Override
  protected void storeGoesAway() {
    StoppablePostgres.crash();
  }

  @Override
  protected void storeComesBack() {
    StoppablePostgres.start();
  }
}
