-- Deleting a known issue archives it: it leaves the list, triage and the matcher, and an
-- engineer can restore it with its signature, links and history intact.
alter table known_issue add column archived_at timestamptz;
alter table known_issue add column archived_by text;

-- The threads each ingest run created or updated, written in the same transaction as the
-- thread rows, so a run's page links what it brought in.
create table ingest_run_thread (
    run_id     bigint not null references ingest_run (id) on delete cascade,
    thread_id  bigint not null references thread (id) on delete cascade,
    outcome    text not null check (outcome in ('created', 'updated')),
    primary key (run_id, thread_id)
);
