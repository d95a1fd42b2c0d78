-- Accounts, personal API tokens and the audit log.

create table app_user (
    id            bigserial primary key,
    email         text not null unique,
    password_hash text not null,
    role          text not null check (role in ('ADMIN', 'ENGINEER', 'DEVELOPER')),
    created_at    timestamptz not null default now(),
    enabled       boolean not null default true
);

-- A token is shown once; only the SHA-256 (hex) of it is kept.
create table api_token (
    id           bigserial primary key,
    user_id      bigint not null references app_user (id) on delete cascade,
    name         text not null,
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

create table audit_event (
    id      bigserial primary key,
    at      timestamptz not null default now(),
    actor   text not null,
    action  text not null,
    subject text,
    detail  text
);
create index audit_event_at_idx on audit_event (at);
