-- Tamper evidence (docs/integrity.md): one hash-chain entry per global position of the event store,
-- events and permanent gaps alike, and the signed checkpoints over the chain's head. Hashes and
-- digests are lower-case hex SHA-256; instants are epoch milliseconds.
create table integrity_chain (
  position bigint primary key,
  kind varchar(5) not null,
  event_identifier varchar(255),
  payload_type varchar(255),
  digest varchar(64) not null,
  payload_digest varchar(64),
  hash varchar(64) not null,
  chained_at bigint not null
);

create table integrity_checkpoint (
  position bigint primary key,
  hash varchar(64) not null,
  signed_at bigint not null,
  key_id varchar(64) not null,
  signature varchar(128) not null
);
