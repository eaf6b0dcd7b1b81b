package jp.emergencyaccess.ledger.timetravel;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class TimeTravelOnPostgresTest extends TimeTravelScenarios {}
