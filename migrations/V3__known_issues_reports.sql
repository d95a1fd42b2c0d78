-- Known issues curated by engineers, developers' reports and what triage suggested for them.

create table known_issue (
    id          bigserial primary key,
    title       text not null,
    symptom     text not null default '',
    root_cause  text not null default '',
    workaround  text not null default '',
    status      text not null default 'OPEN'
                check (status in ('OPEN', 'WORKAROUND', 'FIXED', 'NOT_A_BUG')),
    fixed_in    text,
    platforms   text[] not null default '{}',
    versions    text not null default '',
    created_by  text not null,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now()
);

-- The entities and phrases that identify a known issue. Curated rows come from engineers;
-- feedback rows grow from confirmed reports, each confirmation adding weight.
create table known_issue_signature (
    id              bigserial primary key,
    known_issue_id  bigint not null references known_issue (id) on delete cascade,
    kind            text not null,   -- an entity kind (error, code, api, …) or 'phrase'
    value           text not null,
    origin          text not null check (origin in ('CURATED', 'FEEDBACK')),
    weight          real not null default 1,
    constraint known_issue_signature_key unique (known_issue_id, kind, value, origin)
);

create table known_issue_thread (
    known_issue_id  bigint not null references known_issue (id) on delete cascade,
    thread_id       bigint not null references thread (id) on delete cascade,
    linked_by       text not null,
    linked_at       timestamptz not null default now(),
    primary key (known_issue_id, thread_id)
);
create index known_issue_thread_thread_idx on known_issue_thread (thread_id);

create table report (
    id                   bigserial primary key,
    text                 text not null,
    description          text not null default '',
    platform             text,
    os_version           text,
    app_type             text,
    status               text not null default 'NEW' check (status in ('NEW', 'TRIAGED', 'CLOSED')),
    resolution           text check (resolution in ('CONFIRMED', 'OTHER_KNOWN_ISSUE', 'DUPLICATE_THREAD',
                                                     'NEW_KNOWN_ISSUE')),
    known_issue_id       bigint references known_issue (id) on delete set null,
    duplicate_thread_id  bigint references thread (id) on delete set null,
    frameworks           text[] not null default '{}',
    submitted_by         bigint references app_user (id) on delete set null,
    submitted_at         timestamptz not null default now(),
    triaged_by           text,
    triaged_at           timestamptz
);
create index report_status_idx on report (status, submitted_at);
create index report_known_issue_idx on report (known_issue_id);

-- Suggestions as triage made them when the report came in, in rank order.
create table report_suggestion (
    report_id    bigint not null references report (id) on delete cascade,
    rank         int not null,
    type         text not null check (type in ('known-issue', 'thread')),
    target_id    bigint not null,
    title        text not null,
    score        real not null,
    confidence   text not null check (confidence in ('HIGH', 'MEDIUM', 'LOW')),
    explanation  jsonb not null default '{}',
    primary key (report_id, rank)
);
create index report_suggestion_target_idx on report_suggestion (type, target_id);

-- Threads that triage matched to a known issue on arrival (curated links are in
-- known_issue_thread); a fixed known issue that gains matches is a regression signal.
create table known_issue_match (
    known_issue_id  bigint not null references known_issue (id) on delete cascade,
    thread_id       bigint not null references thread (id) on delete cascade,
    score           real not null,
    confidence      text not null check (confidence in ('HIGH', 'MEDIUM', 'LOW')),
    matched_at      timestamptz not null default now(),
    primary key (known_issue_id, thread_id)
);
create index known_issue_match_at_idx on known_issue_match (matched_at);
