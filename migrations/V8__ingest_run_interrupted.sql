-- A run whose process died (a crash, kill -9) is marked interrupted when the application
-- starts again, with the counts it had recorded, instead of staying 'running' for good.
alter table ingest_run drop constraint ingest_run_status_check;
alter table ingest_run add constraint ingest_run_status_check
    check (status in ('running', 'completed', 'failed', 'interrupted'));
