-- Every patient access report and AuditEvent search that was asked for (patientreport.ReportRequestLog,
-- subscribing processor "patient-report-requests", written in the request event's transaction): who
-- asked, for which patientRef (never the patientId) and which period (dates in Japan, inclusive).
-- A report's next pages are read against its row; a patient's later report lists the rows of that patient.
create table patient_report_request (
  report_id varchar(36) primary key,
  patient_ref varchar(32) not null,
  requested_by varchar(100) not null,
  requester_role varchar(16) not null,
  form varchar(8) not null,
  from_day date not null,
  to_day date not null,
  at_ms bigint not null
);
create index patient_report_request_by_patient on patient_report_request (patient_ref, at_ms);
