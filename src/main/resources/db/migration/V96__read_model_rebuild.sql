-- The rebuild of the subscribing read models (infra.ProjectionRebuild, README "Rebuilding read
-- models") writes a row here, committed, before it starts, and deletes it in the transaction that
-- replaces the read models. A row that is still there means a rebuild was started and did not
-- finish (the process was killed): the ledger then refuses to start until a rebuild has finished.
create table read_model_rebuild (
  id int primary key,
  started_at_ms bigint not null,
  store_head bigint
);
