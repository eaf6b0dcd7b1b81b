-- REPEATED_PATIENT is judged from the store alone (investigation.RepeatFlags): each batch reads its
-- patients' stored attempts within a window of its own by (facility, patient, instant), so that any
-- node holding the facility's segment of the access-history processor judges it the same way. The
-- judgement counts every attempt in the window, flagged or not, so a partial index would not serve
-- it; the index holds every attempt.
create index access_attempt_patient on access_attempt (facility_code, patient_ref, at_ms);

-- The marker of the batch writer whose memory of patients was trusted: no such memory is kept.
drop table access_history_writer;
