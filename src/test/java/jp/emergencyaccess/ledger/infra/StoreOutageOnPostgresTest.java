package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.support.StoppablePostgres;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** PostgreSQL stopped (fast shutdown) under load and started again on its data directory. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/outage-pg-${random.uuid}")
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = StoppablePostgres.class)
@DirtiesContext
class StoreOutageOnPostgresTest extends StoreOutageScenarios {
  @Override
  protected void storeGoesAway() {
    StoppablePostgres.stop();
  }

  @Override
  protected void storeComesBack() {
    StoppablePostgres.start();
  }
}
