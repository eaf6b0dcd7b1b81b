package jp.emergencyaccess.ledger.integrity;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class IntegrityApiOnPostgresTest extends IntegrityApiScenarios {}
