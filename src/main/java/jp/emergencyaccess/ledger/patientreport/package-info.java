/**
 * "Who looked at my data": a patient's own access report (every lookup of one patientRef across
 * facilities, at facility level) and the AuditEvent search for audit repositories. Every request
 * for either is itself recorded ({@link PatientAccessReportRequested}) and shown in that patient's
 * later reports. See docs/patient-report.md.
 */
package jp.emergencyaccess.ledger.patientreport;
