package jp.emergencyaccess.ledger.facility;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class FacilityApiOnH2Test extends FacilityApiScenarios {}
