-- The change feed, complete whatever order transactions commit in. A change number taken
-- with nextval can become visible after a higher one (its transaction commits later), so a
-- follower that reads by number alone passes over it for good. Each change now also records
-- the transaction that wrote it, and the feed is read in (change_xid, change_seq) order, only
-- below the oldest transaction still in progress (pg_snapshot_xmin): every writer down there
-- has ended, and any write still to come has a transaction id at least that high, so it sorts
-- after every position a follower has passed.
--
-- Rows written before get transaction id 0: they keep their order, and a follower's position
-- from before (a change number) carries on as (0, number).
alter table thread add column change_xid xid8 not null default '0';
alter table thread alter column change_xid set default pg_current_xact_id();
drop index thread_change_seq_idx;
create index thread_change_idx on thread (change_xid, change_seq);

alter table job_cursor add column change_xid xid8 not null default '0';

-- Threads the search index could not take, one row per change refused; the index skips them
-- and goes on (GET /api/admin/index lists them).
create table index_error (
    thread_id   bigint not null references thread (id) on delete cascade,
    change_seq  bigint not null,
    reason      text not null,
    recorded_at timestamptz not null default now(),
    primary key (thread_id, change_seq)
);
create index index_error_recorded_idx on index_error (recorded_at);
