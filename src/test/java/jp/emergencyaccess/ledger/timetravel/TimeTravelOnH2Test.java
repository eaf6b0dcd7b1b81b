package jp.emergencyaccess.ledger.timetravel;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class TimeTravelOnH2Test extends TimeTravelScenarios {}
