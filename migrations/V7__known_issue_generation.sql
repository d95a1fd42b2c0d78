-- Raised with every change to the known issues, in the same transaction, so each node
-- rebuilds its in-memory known-issue index when another node changed them.
create table known_issue_generation (
    single      boolean primary key default true check (single),
    generation  bigint not null
);
insert into known_issue_generation (generation) values (0);
