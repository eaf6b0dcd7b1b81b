package jp.emergencyaccess.ledger.facility;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class ApplicationQueueOnH2Test extends ApplicationQueueScenarios {}
