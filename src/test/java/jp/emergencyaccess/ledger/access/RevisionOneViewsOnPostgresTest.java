package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class RevisionOneViewsOnPostgresTest extends RevisionOneViewsScenarios {}
