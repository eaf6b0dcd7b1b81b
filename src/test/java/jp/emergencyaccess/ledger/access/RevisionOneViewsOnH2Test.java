package jp.emergencyaccess.ledger.access;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class RevisionOneViewsOnH2Test extends RevisionOneViewsScenarios {}
