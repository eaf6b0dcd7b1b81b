package jp.emergencyaccess.ledger.infra;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class SnapshotReadsOnH2Test extends SnapshotReadsScenarios {}
