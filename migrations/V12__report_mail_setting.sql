-- Whether someone gets mail about reports: decisions on the ones they submitted, and reports
-- assigned to them. On unless they turn it off on their mail settings page.
alter table app_user add column report_mail boolean not null default true;
