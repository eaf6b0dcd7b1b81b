-- Applications (申出, form 別添1) and their decisions, written in the command's transaction.
create table application (
  application_id varchar(36) primary key,
  facility_code varchar(10) not null,
  kind varchar(16) not null,
  name varchar(200) not null,
  name_kana varchar(200) not null,
  postal_code varchar(8) not null,
  address varchar(300) not null,
  phone varchar(13) not null,
  reason varchar(2000) not null,
  requested_from date not null,
  requested_until date not null,
  medical_care_only boolean not null,
  authorized_viewers_only boolean not null,
  sanctions_acknowledged boolean not null,
  applicant_name varchar(200) not null,
  applicant_address varchar(300) not null,
  client_id varchar(64),
  submitted_by varchar(100),
  at_ms bigint not null,
  recorded_at_ms bigint not null,
  status varchar(16) not null,
  granted_from date,
  granted_until date,
  rejection_reason varchar(2000),
  decided_by varchar(100),
  decided_at_ms bigint
);

create index application_facility on application (facility_code);
