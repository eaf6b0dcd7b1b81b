package jp.emergencyaccess.ledger.web;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class MalformedRequestsOnH2Test extends MalformedRequestScenarios {}
