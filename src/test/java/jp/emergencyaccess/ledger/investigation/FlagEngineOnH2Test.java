package jp.emergencyaccess.ledger.investigation;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class FlagEngineOnH2Test extends FlagEngineScenarios {}
