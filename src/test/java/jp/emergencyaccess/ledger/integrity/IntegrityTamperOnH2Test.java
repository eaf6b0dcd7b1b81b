package jp.emergencyaccess.ledger.integrity;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tampering on an H2 store of its own (one extra context). The signing key is generated under the
 * data directory, as in the embedded default.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "ledger.data-dir=target/test-data/h2-integrity-${random.uuid}",
      "ledger.integrity.signing-key=",
      "ledger.integrity.generate-key=true",
      "ledger.integrity.checkpoint-every-events=50"
    })
@ActiveProfiles("test")
class IntegrityTamperOnH2Test extends IntegrityTamperScenarios {}
