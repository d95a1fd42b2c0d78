-- Weekly digest: one subscription per account, one delivery per subscription and ISO week.

create table digest_subscription (
    id               bigserial primary key,
    user_id          bigint not null unique references app_user (id) on delete cascade,
    -- Filters; all empty means everything.
    tags             text[] not null default '{}',
    frameworks       text[] not null default '{}',
    apis             text[] not null default '{}',
    error_codes      text[] not null default '{}',
    known_issue_ids  bigint[] not null default '{}',
    time_zone        text not null default 'UTC',
    skip_empty       boolean not null default false,
    -- PENDING until the emailed confirmation link is followed (double opt-in).
    status           text not null check (status in ('PENDING', 'ACTIVE', 'UNSUBSCRIBED')),
    -- Bumped on every (re)subscription, so an old confirmation link cannot revive a subscription.
    generation       integer not null default 1,
    created_at       timestamptz not null default now(),
    confirmed_at     timestamptz,
    unsubscribed_at  timestamptz
);

-- The unique key is what makes a second digest for the same week impossible, whichever node
-- or run tries. States: PENDING (claimed, being built: nothing was handed to SMTP yet),
-- SENDING (handed to SMTP), SENT, FAILED (SMTP refused or unreachable: retried at
-- next_attempt_at, null when given up), SKIPPED (an empty week the subscriber skips).
create table digest_delivery (
    id               bigserial primary key,
    subscription_id  bigint not null references digest_subscription (id) on delete cascade,
    iso_week         text not null,
    status           text not null check (status in ('PENDING', 'SENDING', 'SENT', 'FAILED', 'SKIPPED')),
    claim_token      uuid,
    claimed_at       timestamptz,
    attempts         integer not null default 0,
    next_attempt_at  timestamptz,
    last_error       text,
    sent_at          timestamptz,
    created_at       timestamptz not null default now(),
    constraint digest_delivery_week_key unique (subscription_id, iso_week)
);
create index digest_delivery_retry_idx on digest_delivery (status, next_attempt_at);

-- The key that signs confirmation and unsubscribe links when none is configured: made once,
-- shared by every node.
create table digest_secret (
    id      integer primary key check (id = 1),
    secret  bytea not null
);
