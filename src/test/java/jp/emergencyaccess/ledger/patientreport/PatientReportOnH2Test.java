package jp.emergencyaccess.ledger.patientreport;

import jp.emergencyaccess.ledger.support.OnH2;

@OnH2
class PatientReportOnH2Test extends PatientReportScenarios {}
