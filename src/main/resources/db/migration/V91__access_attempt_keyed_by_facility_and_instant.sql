-- The access history's attempts are keyed by (facility, instant, view id) instead of the view id
-- alone, and lose the index by (facility, patient, instant). Both were written in random order
-- (view ids are UUIDs, patients arrive in any order), so every batch dirtied pages all over those
-- two indexes and H2 serialised most of them again at each store: its page writer took as much CPU
-- as the processor itself while catching up (docs/performance.md, section 8). The new key grows in
-- time order like the history does; the repeated-patient judgement's rare reads of a patient's
-- stored attempts (new attempts earlier than the patient's kept latest ones) read the facility's
-- attempts in the window by this key and select the patient's.
--
-- The history is a rebuildable read model, so it is rebuilt rather than converted: the tables are
-- emptied and the processor's token removed, and the access-history processor replays the store
-- from its start when the ledger starts.
drop table access_attempt;
create table access_attempt (
  view_id varchar(64) not null,
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
  recorded_at_ms bigint not null,
  primary key (facility_code, at_ms, view_id)
);
create index access_attempt_decision on access_attempt (facility_code, decision, at_ms);
create index access_attempt_repeated on access_attempt (facility_code, repeated_patient, at_ms);
create index access_attempt_day on access_attempt (facility_code, day_jst);

delete from access_day;
delete from access_viewer;
delete from access_patient;
delete from access_history_reset;
delete from tokenentry where processorname = 'access-history';
