package jp.emergencyaccess.ledger.patientreport;

/** How a report was asked for: the JSON report, its printable page, or the AuditEvent search. */
public enum ReportForm {
  JSON,
  HTML,
  FHIR
}
