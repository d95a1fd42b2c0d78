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
