package jp.emergencyaccess.ledger.workbench;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class TriageOnPostgresTest extends TriageScenarios {}
