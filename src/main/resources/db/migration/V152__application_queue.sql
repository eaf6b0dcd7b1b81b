-- The applications by state: the undecided in order of submission, the decided by decision time.
create index application_by_status on application (status, at_ms);
create index application_by_decision on application (status, decided_at_ms);
