package jp.emergencyaccess.ledger.infra;

import static org.assertj.core.api.Assertions.assertThat;

import jp.emergencyaccess.ledger.support.FailingWrites;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The embedded store's disk refuses every write (full, or read-only) and then takes them again. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "ledger.data-dir=target/test-data/outage-h2-${random.uuid}")
@ActiveProfiles("test")
@ContextConfiguration(initializers = FailingWrites.class)
@DirtiesContext
class StoreOutageOnH2Test extends StoreOutageScenarios {
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
}
