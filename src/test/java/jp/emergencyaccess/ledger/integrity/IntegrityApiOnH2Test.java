package jp.emergencyaccess.ledger.integrity;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class IntegrityApiOnH2Test extends IntegrityApiScenarios {}
