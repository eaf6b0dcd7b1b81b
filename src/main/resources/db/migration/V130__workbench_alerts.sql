-- The alert queue of the investigator's workbench (workbench.AlertQueue), one row per alert,
-- written in the command's transaction from the Alert aggregate's events. risk is the documented
-- score of docs/workbench.md; the queue is read by (risk desc, alert_id).
create table alert (
  alert_id varchar(48) primary key,
  kind varchar(24) not null,
  facility_code varchar(10) not null,
  prefecture varchar(2) not null,
  day_jst date not null,
  viewer_id varchar(64),
  patient_ref varchar(64),
  lookups bigint not null,
  threshold bigint not null,
  reasons varchar(4000) not null,
  risk bigint not null,
  at_ms bigint not null,
  raised_at_ms bigint not null,
  status varchar(16) not null,
  assignee varchar(64),
  inquiry_id varchar(40),
  dismiss_reason varchar(32),
  note varchar(4000),
  changed_by varchar(64),
  changed_at_ms bigint not null
);

create index alert_queue on alert (risk desc, alert_id);
create index alert_facility on alert (facility_code, day_jst);
