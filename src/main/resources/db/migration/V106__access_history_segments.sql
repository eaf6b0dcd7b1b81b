-- The access-history processor is split into segments partitioned by facility
-- (investigation.HistoryProcessing). Axon creates a processor's segments only when it has no token
-- at all, so a store written with the single segment would keep it: the processor's tokens are
-- removed and the history marked for emptying, and it replays the store from its start with the
-- configured segments (its first batch empties the tables, as after a reset). The dead letters it
-- parked are met again by the replay.
delete from tokenentry where processorname = 'access-history';
delete from deadletterentry where processinggroup = 'access-history';
delete from access_history_reset;
insert into access_history_reset (id) values (1);
