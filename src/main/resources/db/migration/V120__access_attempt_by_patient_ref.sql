-- A patient's own access report (patientreport) reads every attempt of one patientRef across all
-- facilities in a period, newest first: an index by patient alone, in the order the report reads.
-- "if not exists": an index of the same columns made elsewhere is left as it is. Each lookup pays
-- one more index entry, written in patient order rather than time order (docs/performance.md).
create index if not exists access_attempt_by_patient_ref on access_attempt (patient_ref, at_ms, view_id);
