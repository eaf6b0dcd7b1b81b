-- The basis of a decision (docs/access.md). Each activation change keeps the issue date of its
-- notice, so that a basis can tell whether the notice under which a lookup was covered was issued
-- after the lookup (retroactive). Rows of earlier changes take it from the notice table.
alter table activation_change add column notice_issued_on date;
update activation_change set notice_issued_on =
  (select n.issued_on from notice n where n.notice_id = activation_change.notice_id);

-- A facility is not registered before its registration's `at` (when it happened in the world,
-- epoch milliseconds); `registered_at` stays the instant the ledger recorded it. V95_5 fills it
-- from the stored registration events; where none are here (Axon Server) it stays null, and such
-- a facility counts as registered at any instant.
alter table facility add column at_ms bigint;

-- The access history shows the recorded basis's chain (notice or application ids joined by
-- commas) and its retroactive flag (null: not recorded). Columns of access_attempt are those of
-- access_denied too. The history is rebuilt from the events, read through their upcaster, rather
-- than converted: the reset mark makes the history's first batch empty its tables, and without its
-- token the access-history processor replays the store from its start when the ledger starts.
alter table access_attempt add column covered_chain varchar(2000);
alter table access_attempt add column covered_retroactive boolean;
alter table access_denied add column covered_chain varchar(2000);
alter table access_denied add column covered_retroactive boolean;
delete from access_history_reset;
insert into access_history_reset (id) values (1);
delete from tokenentry where processorname = 'access-history';
