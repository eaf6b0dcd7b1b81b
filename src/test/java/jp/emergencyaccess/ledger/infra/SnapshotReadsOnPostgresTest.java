package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class SnapshotReadsOnPostgresTest extends SnapshotReadsScenarios {}
