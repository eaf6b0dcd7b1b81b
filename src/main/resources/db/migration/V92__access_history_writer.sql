-- Each patient's latest attempts at a facility are kept in memory now (investigation.PatientRecents):
-- rewriting a row per patient and lookup took about 40 % of a replay's CPU (docs/performance.md,
-- section 12). The memory is trusted only while it reflects every committed batch: each batch of
-- the access history records here which writer wrote it and its number, in its own transaction.
create table access_history_writer (
  id int primary key,
  writer varchar(64) not null,
  batch bigint not null
);
insert into access_history_writer (id, writer, batch) values (1, '', 0);

-- access_patient keeps one row per patient and facility (the summary's count of patients).
alter table access_patient drop column recent;
