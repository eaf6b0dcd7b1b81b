package jp.emergencyaccess.ledger.investigation;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class DeadLetterOnH2Test extends DeadLetterScenarios {}
