package jp.emergencyaccess.ledger.review;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class ReviewOnH2Test extends ReviewScenarios {}
