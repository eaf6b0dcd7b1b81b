-- The auditors' log (workbench.AuditorsLogRows): one row per read of the logs and per triage step,
-- newest recorded first by (recorded_at_ms, event_id). Never a patient identifier: the reads it records name none.
create table auditor_log (
  event_id varchar(64) primary key,
  account varchar(64) not null,
  role varchar(16) not null,
  action varchar(24) not null,
  subject varchar(64) not null,
  filters varchar(2000) not null,
  at_ms bigint not null,
  recorded_at_ms bigint not null
);

create index auditor_log_recorded on auditor_log (recorded_at_ms, event_id);
create index auditor_log_account on auditor_log (account, recorded_at_ms);
