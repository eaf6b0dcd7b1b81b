package jp.emergencyaccess.ledger.monitoring;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class HealthExposureOnH2Test extends HealthExposureScenarios {}
