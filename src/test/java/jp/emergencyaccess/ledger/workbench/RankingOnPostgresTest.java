package jp.emergencyaccess.ledger.workbench;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class RankingOnPostgresTest extends RankingScenarios {}
