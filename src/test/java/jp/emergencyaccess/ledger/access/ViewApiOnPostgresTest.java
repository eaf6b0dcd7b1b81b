package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class ViewApiOnPostgresTest extends ViewApiScenarios {}
