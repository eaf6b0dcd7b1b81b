package jp.emergencyaccess.ledger.history;

import jp.emergencyaccess.ledger.support.OnH2;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context and store of its own, closed afterwards: the bad event must not reach other tests. */
@OnH2
@TestPropertySource(properties = "ledger.test.context=dead-letters")
@DirtiesContext
class DeadLetterOnH2Test extends DeadLetterScenarios {}
