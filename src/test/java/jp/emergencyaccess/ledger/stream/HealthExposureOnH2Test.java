package jp.emergencyaccess.ledger.stream;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class HealthExposureOnH2Test extends HealthExposureScenarios {}
