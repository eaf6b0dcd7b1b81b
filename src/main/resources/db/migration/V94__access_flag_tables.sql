-- The DENIED and REPEATED_PATIENT pages read the attempts with that flag from a table of their own
-- instead of an index over every attempt. The indexes (facility, decision, instant) and
-- (facility, repeated_patient, instant) held an entry for each attempt, allowed and unflagged ones
-- included, and H2 wrote, committed and stored each of them: with the key, three entries per
-- lookup where one does for most (docs/performance.md, section 14).
--
-- Each flag table holds a copy of the whole row of each attempt with that flag, keyed like the
-- attempts, so its pages and their summaries read it alone. Its columns are those of
-- access_attempt, in the same order (the writer copies rows with "select *"): a column added to
-- access_attempt must be added to both. The only value that changes after an attempt is written,
-- repeated_patient, is set in access_attempt and access_denied together.
create table access_denied as select * from access_attempt where decision = 'DENIED';
alter table access_denied alter column facility_code set not null;
alter table access_denied alter column at_ms set not null;
alter table access_denied alter column view_id set not null;
alter table access_denied add primary key (facility_code, at_ms, view_id);
create table access_repeated as select * from access_attempt where repeated_patient;
alter table access_repeated alter column facility_code set not null;
alter table access_repeated alter column at_ms set not null;
alter table access_repeated alter column view_id set not null;
alter table access_repeated add primary key (facility_code, at_ms, view_id);
drop index access_attempt_decision;
drop index access_attempt_repeated;
