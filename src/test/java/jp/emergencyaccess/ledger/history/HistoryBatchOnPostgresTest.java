package jp.emergencyaccess.ledger.history;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class HistoryBatchOnPostgresTest extends HistoryBatchScenarios {}
