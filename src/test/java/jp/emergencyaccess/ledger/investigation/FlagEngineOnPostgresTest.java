package jp.emergencyaccess.ledger.investigation;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class FlagEngineOnPostgresTest extends FlagEngineScenarios {}
