package jp.emergencyaccess.ledger.integrity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The benchmark on an H2 file store of its own (see {@link IntegrityBenchmark}). */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.data-dir=target/bench-data/h2-${random.uuid}",
      "ledger.integrity.checkpoint-every-events=1000",
      "ledger.integrity.poll-interval=200ms"
    })
@ActiveProfiles("test")
class IntegrityBenchmarkOnH2 extends IntegrityBenchmark {}
