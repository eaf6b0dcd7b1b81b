package jp.emergencyaccess.ledger.workbench;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class AlertOnH2Test extends AlertScenarios {}
