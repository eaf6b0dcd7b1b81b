-- The per-facility access history (investigation.AccessHistory, a tracking processor: rebuilt by
-- resetting its token). One row per view attempt, keyed by its view id. (Not by the event's
-- position: a tracking token's position is the highest seen, which an event committed late, filling
-- a gap, shares with a later one.)
create table access_attempt (
  view_id varchar(64) primary key,
  facility_code varchar(10) not null,
  at_ms bigint not null,
  day_jst date not null,
  viewer_id varchar(64) not null,
  viewer_role varchar(24) not null,
  patient_ref varchar(64) not null,
  categories varchar(100) not null,
  c_medication integer not null,
  c_health_checkup integer not null,
  c_clinical integer not null,
  c_prescription integer not null,
  c_dispensing integer not null,
  consent_id varchar(64),
  consent_basis varchar(24),
  identification varchar(24),
  decision varchar(8) not null,
  reasons varchar(200) not null,
  covered_kind varchar(16),
  covered_region varchar(6),
  covered_notice varchar(64),
  covered_application varchar(64),
  repeated_patient boolean not null,
  recorded_at_ms bigint not null
);

create index access_attempt_newest on access_attempt (facility_code, at_ms, view_id);
create index access_attempt_patient on access_attempt (facility_code, patient_ref, at_ms);
create index access_attempt_decision on access_attempt (facility_code, decision, at_ms);
create index access_attempt_repeated on access_attempt (facility_code, repeated_patient, at_ms);
create index access_attempt_day on access_attempt (facility_code, day_jst);

-- Counts per facility and day in Japan: the base of the HIGH_VOLUME flag, and (with the two
-- tables after it) of the summary of a facility's whole history without reading every row.
create table access_day (
  facility_code varchar(10) not null,
  day_jst date not null,
  attempts bigint not null,
  allowed bigint not null,
  exemption bigint not null,
  repeated bigint not null,
  c_medication bigint not null,
  c_health_checkup bigint not null,
  c_clinical bigint not null,
  c_prescription bigint not null,
  c_dispensing bigint not null,
  r_facility_unknown bigint not null,
  r_facility_suspended bigint not null,
  r_not_activated bigint not null,
  r_consent_missing bigint not null,
  r_consent_mismatch bigint not null,
  r_consent_withdrawn bigint not null,
  primary key (facility_code, day_jst)
);

create table access_viewer (
  facility_code varchar(10) not null,
  viewer_id varchar(64) not null,
  attempts bigint not null,
  primary key (facility_code, viewer_id)
);

create table access_patient (
  facility_code varchar(10) not null,
  patient_ref varchar(64) not null,
  primary key (facility_code, patient_ref)
);
