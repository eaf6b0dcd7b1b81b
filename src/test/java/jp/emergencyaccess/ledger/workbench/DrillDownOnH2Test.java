package jp.emergencyaccess.ledger.workbench;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class DrillDownOnH2Test extends DrillDownScenarios {}
