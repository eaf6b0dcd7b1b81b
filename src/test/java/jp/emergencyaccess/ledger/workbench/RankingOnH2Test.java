package jp.emergencyaccess.ledger.workbench;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class RankingOnH2Test extends RankingScenarios {}
