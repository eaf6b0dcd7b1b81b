package jp.emergencyaccess.ledger.history;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class FlagEngineOnH2Test extends FlagEngineScenarios {}
