package jp.emergencyaccess.ledger.monitoring;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class StreamOnH2Test extends StreamScenarios {}
