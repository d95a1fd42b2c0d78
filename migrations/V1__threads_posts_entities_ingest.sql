-- forumkb schema: sources, threads, posts, tags, extracted entities, ingest runs.

create table source (
    id         bigserial primary key,
    name       text not null unique,
    created_at timestamptz not null default now()
);

-- Every insert or change of a thread takes the next value, so derived stores (the Lucene
-- index) can tail the changes in order and resume after the last one they applied.
create sequence thread_change_seq;

create table thread (
    id                    bigserial primary key,
    source_id             bigint not null references source (id),
    external_id           text,
    canonical_url         text,
    -- Identity of the thread across ingests: source + external id, else canonical URL,
    -- else content hash. Computed by the application, enforced here.
    thread_key            text not null unique,
    content_hash          text not null,
    title                 text,
    topic                 text,
    subtopic              text,
    created_at            timestamptz,
    last_activity_at      timestamptz,
    replies               integer check (replies >= 0),
    boosts                integer check (boosts >= 0),
    views                 integer check (views >= 0),
    excerpt               boolean not null,
    provenance_origin     text,
    provenance_first_line integer,
    provenance_last_line  integer,
    ingested_at           timestamptz not null default now(),
    updated_at            timestamptz not null default now(),
    change_seq            bigint not null default nextval('thread_change_seq'),
    constraint thread_source_external_id_key unique (source_id, external_id)
);
create index thread_change_seq_idx on thread (change_seq);
create index thread_last_activity_idx on thread (last_activity_at);

create table thread_tag (
    thread_id bigint not null references thread (id) on delete cascade,
    tag       text not null,
    primary key (thread_id, tag)
);
create index thread_tag_tag_idx on thread_tag (tag);

create table post (
    id         bigserial primary key,
    thread_id  bigint not null references thread (id) on delete cascade,
    position   integer not null check (position >= 0),
    author     text,
    body       text not null,
    created_at timestamptz,
    role       text not null check (role in ('question', 'answer', 'comment')),
    accepted   boolean not null default false,
    constraint post_thread_position_key unique (thread_id, position)
);

-- Errors, codes and API names found in a thread: where (post, or the title when post_id is
-- null, and the character range), as written, and normalised for matching.
create table thread_entity (
    id               bigserial primary key,
    thread_id        bigint not null references thread (id) on delete cascade,
    post_id          bigint references post (id) on delete cascade,
    kind             text not null,
    raw_value        text not null,
    normalized_value text not null,
    start_offset     integer not null,
    end_offset       integer not null,
    check (end_offset >= start_offset)
);
create index thread_entity_thread_idx on thread_entity (thread_id);
create index thread_entity_value_idx on thread_entity (kind, normalized_value);

create table ingest_run (
    id          bigserial primary key,
    origin      text not null,
    format      text,
    status      text not null check (status in ('running', 'completed', 'failed')),
    started_at  timestamptz not null default now(),
    finished_at timestamptz,
    total       integer not null default 0,
    processed   integer not null default 0,
    created     integer not null default 0,
    updated     integer not null default 0,
    unchanged   integer not null default 0,
    failed      integer not null default 0,
    message     text
);

create table ingest_error (
    id      bigserial primary key,
    run_id  bigint not null references ingest_run (id) on delete cascade,
    item    text not null,
    line    integer,
    reason  text not null
);
create index ingest_error_run_idx on ingest_error (run_id);

-- State of scheduled feed polling, one row per configured feed URL.
create table feed_poll (
    url            text primary key,
    last_polled_at timestamptz,
    last_status    text
);
