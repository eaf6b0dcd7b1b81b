package jp.emergencyaccess.ledger.activation;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class RegionApiOnPostgresTest extends RegionApiScenarios {}
