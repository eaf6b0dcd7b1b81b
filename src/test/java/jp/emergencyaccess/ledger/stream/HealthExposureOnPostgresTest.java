package jp.emergencyaccess.ledger.stream;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class HealthExposureOnPostgresTest extends HealthExposureScenarios {}
