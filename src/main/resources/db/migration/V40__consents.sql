-- Consent records, written in the consent event's transaction (subscribing processor "consents").
-- The access decision reads one row by primary key. patient_ref is the HMAC pseudonym, never the id.
create table consent (
  consent_id varchar(36) primary key,
  facility_code varchar(10) not null,
  patient_ref varchar(32) not null,
  basis varchar(32) not null,
  identification varchar(32) not null,
  exemption_reason varchar(1000),
  recorded_by varchar(100) not null,
  at_ms bigint not null,
  withdrawn_at_ms bigint,
  recorded_at_ms bigint not null
);

create index consent_facility_patient on consent (facility_code, patient_ref);
