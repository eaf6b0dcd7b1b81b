-- The DENIED and REPEATED_PATIENT pages read the keys of their few attempts from a table of their
-- own instead of an index over every attempt. The indexes (facility, decision, instant) and
-- (facility, repeated_patient, instant) held an entry for each attempt, allowed and unflagged ones
-- included, and H2 wrote, committed and stored each of them: with the key, three entries per
-- lookup where one does for most. A page joins the flag table's keys, newest first, to the
-- attempts by their key (docs/performance.md, section 14).
create table access_denied (
  facility_code varchar(10) not null,
  at_ms bigint not null,
  view_id varchar(64) not null,
  primary key (facility_code, at_ms, view_id)
);
create table access_repeated (
  facility_code varchar(10) not null,
  at_ms bigint not null,
  view_id varchar(64) not null,
  primary key (facility_code, at_ms, view_id)
);
insert into access_denied (facility_code, at_ms, view_id)
  select facility_code, at_ms, view_id from access_attempt where decision = 'DENIED';
insert into access_repeated (facility_code, at_ms, view_id)
  select facility_code, at_ms, view_id from access_attempt where repeated_patient;
drop index access_attempt_decision;
drop index access_attempt_repeated;
