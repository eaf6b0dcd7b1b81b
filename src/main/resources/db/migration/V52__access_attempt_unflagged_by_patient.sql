-- The repeated-patient judgement looks for a patient's not-yet-flagged attempts in a window. With
-- the flag in the patient index it reads only those, instead of every attempt of the patient in the
-- window (H2 would not choose a second, similar index on its own, so this one replaces the first).
drop index access_attempt_patient;
create index access_attempt_patient on access_attempt (facility_code, patient_ref, repeated_patient, at_ms);
