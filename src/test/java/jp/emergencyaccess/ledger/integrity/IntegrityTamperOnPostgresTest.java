package jp.emergencyaccess.ledger.integrity;

import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** Tampering on a PostgreSQL database of its own (one extra context). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.data-dir=target/test-data/pg-integrity-${random.uuid}",
      "ledger.integrity.checkpoint-every-events=50"
    })
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class IntegrityTamperOnPostgresTest extends IntegrityTamperScenarios {}
