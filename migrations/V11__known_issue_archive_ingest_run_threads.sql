-- Deleting a known issue archives it: it leaves the list, triage and the matcher, and an
-- engineer can restore it with its signature, links and history intact.
alter table known_issue add column archived_at timestamptz;
alter table known_issue add column archived_by text;
