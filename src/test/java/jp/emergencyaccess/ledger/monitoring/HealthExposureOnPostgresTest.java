package jp.emergencyaccess.ledger.monitoring;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class HealthExposureOnPostgresTest extends HealthExposureScenarios {}
