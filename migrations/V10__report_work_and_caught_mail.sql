-- Mail the built-in catcher kept because no SMTP server is configured (spring.mail.host unset),
-- for admins to read at /admin/mail. Owned by the digest package, which sends all mail.
create table caught_mail (
    id          bigserial primary key,
    caught_at   timestamptz not null default now(),
    sender      text not null,
    recipients  text not null,
    subject     text not null,
    body        text not null
);

-- The engineer working a report, and the conversation on it between engineers and its reporter.
alter table report add column assigned_to bigint references app_user (id) on delete set null;

create table report_comment (
    id          bigserial primary key,
    report_id   bigint not null references report (id) on delete cascade,
    author      text not null,
    body        text not null,
    created_at  timestamptz not null default now()
);
create index report_comment_report_idx on report_comment (report_id, id);
