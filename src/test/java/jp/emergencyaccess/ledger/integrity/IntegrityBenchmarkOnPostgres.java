package jp.emergencyaccess.ledger.integrity;

import jp.emergencyaccess.ledger.support.EmbeddedPostgresInitializer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The benchmark on an embedded PostgreSQL database of its own (see {@link IntegrityBenchmark}). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.data-dir=target/bench-data/pg-${random.uuid}",
      "ledger.integrity.checkpoint-every-events=1000",
      "ledger.integrity.poll-interval=200ms"
    })
@ActiveProfiles({"postgres", "test"})
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
class IntegrityBenchmarkOnPostgres extends IntegrityBenchmark {}
