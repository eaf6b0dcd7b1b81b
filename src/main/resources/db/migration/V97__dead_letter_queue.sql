-- Axon's sequenced dead-letter queue (JdbcSequencedDeadLetterQueue, default schema names): events a
-- tracking processor could not handle, one sequence per facility (or aggregate) and processing
-- group, in the order they were parked. Timestamps are ISO-8601 text, as Axon writes them.
create table deadletterentry (
  deadletteridentifier varchar(255) not null,
  processinggroup varchar(255) not null,
  sequenceidentifier varchar(255) not null,
  sequenceindex bigint not null,
  messagetype varchar(255) not null,
  eventidentifier varchar(255) not null,
  timestamp varchar(255) not null,
  payloadtype varchar(255) not null,
  payloadrevision varchar(255),
  payload bytea not null,
  metadata bytea,
  type varchar(255),
  aggregateidentifier varchar(255),
  sequencenumber bigint,
  tokentype varchar(255),
  token bytea,
  enqueuedat varchar(255) not null,
  lasttouched varchar(255),
  processingstarted varchar(255),
  causetype varchar(255),
  causemessage varchar(1023),
  diagnostics bytea,
  constraint deadletterentry_pk primary key (deadletteridentifier),
  constraint deadletterentry_sequence unique (processinggroup, sequenceidentifier, sequenceindex)
);

create index deadletterentry_group on deadletterentry (processinggroup);
