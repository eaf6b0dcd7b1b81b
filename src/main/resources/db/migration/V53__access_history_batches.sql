-- The access history is written a batch at a time (investigation.HistoryWriter). The
-- repeated-patient judgement of a batch reads each patient's attempts within a window of its new
-- ones by (facility, patient, instant): the patient index goes back to those columns (V52 put the
-- flag between them for the per-event judgement it replaces).
drop index access_attempt_patient;
create index access_attempt_patient on access_attempt (facility_code, patient_ref, at_ms);

-- A reset of the access-history processor leaves a row here, in the transaction that resets its
-- token; the first batch of the replay empties the history's tables and removes the row in its own
-- transaction (docs/investigations.md, "Rebuilding the history").
create table access_history_reset (
  id integer primary key
);

-- Each patient's latest attempts at the facility (max-attempts + 1 of them, by instant, as
-- "at_ms,view_id,flag;…"): a batch of attempts later than these is judged without reading the
-- patient's rows. Null for rows written before this version (read from access_attempt then).
alter table access_patient add column recent varchar(4000);
