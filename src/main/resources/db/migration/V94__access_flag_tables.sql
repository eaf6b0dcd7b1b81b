-- The DENIED and REPEATED_PATIENT pages read the attempts with that flag from a table of their own
-- instead of an index over every attempt. The indexes (facility, decision, instant) and
-- (facility, repeated_patient, instant) held an entry for each attempt, allowed and unflagged ones
-- included, and H2 wrote, committed and stored each of them: with the key, three entries per
-- lookup where one does for most (docs/performance.md, section 14).
--
-- access_denied holds a copy of the whole row of each denied attempt, keyed like the attempts, so
-- the DENIED pages and their summaries read it alone. Its columns are those of access_attempt, a
-- column added to one must be added to the other; the only value that changes after an attempt is
-- written, repeated_patient, is set in both. access_repeated holds only the keys of the repeated
-- attempts, joined to the attempts by key: a storm of lookups for one patient makes thousands of
-- attempts repeated, and copying each whole cost more than the page gains.
create table access_denied as select * from access_attempt where decision = 'DENIED';
alter table access_denied alter column facility_code set not null;
alter table access_denied alter column at_ms set not null;
alter table access_denied alter column view_id set not null;
alter table access_denied add primary key (facility_code, at_ms, view_id);
create table access_repeated (
  facility_code varchar(10) not null,
  at_ms bigint not null,
  view_id varchar(64) not null,
  primary key (facility_code, at_ms, view_id)
);
insert into access_repeated (facility_code, at_ms, view_id)
  select facility_code, at_ms, view_id from access_attempt where repeated_patient;
drop index access_attempt_decision;
drop index access_attempt_repeated;
