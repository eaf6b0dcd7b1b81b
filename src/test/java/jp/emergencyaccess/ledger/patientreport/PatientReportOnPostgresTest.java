package jp.emergencyaccess.ledger.patientreport;

import jp.emergencyaccess.ledger.support.OnPostgres;

@OnPostgres
class PatientReportOnPostgresTest extends PatientReportScenarios {}
