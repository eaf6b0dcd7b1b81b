-- The patient drill-down of the workbench (workbench.DrillDowns) finds the facilities that looked a
-- patient up by the patientRef alone.
create index access_patient_ref on access_patient (patient_ref);
