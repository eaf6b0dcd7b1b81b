package jp.emergencyaccess.ledger.history;

import jp.emergencyaccess.ledger.support.OnPostgres;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/** A context and store of its own, closed afterwards: the bad event must not reach other tests. */
@OnPostgres
@TestPropertySource(properties = "ledger.test.context=dead-letters")
@DirtiesContext
class DeadLetterOnPostgresTest extends DeadLetterScenarios {}
