-- One row that the health check rewrites (infra.StoreWriteProbe): health is DOWN while the store
-- cannot take a write (a full or read-only disk under H2, a read-only PostgreSQL), not only while
-- it cannot be reached.
create table store_probe (
  id int primary key,
  probed_at_ms bigint not null
);

insert into store_probe (id, probed_at_ms) values (1, 0);
