package jp.emergencyaccess.ledger.activation;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class RegionApiOnH2Test extends RegionApiScenarios {}
