-- The reporting cycle's reminders sent (query side), one per period, department and kind: claimed before sending,
-- so that a reminder goes out once, whichever process or restart sends it. Not derived from events.
create table reporting_reminder (
    plan_id     varchar(64) not null,
    fiscal_year integer     not null,
    department  varchar(32) not null,
    kind        varchar(16) not null,
    sent_at     timestamptz not null,
    recipients  integer     not null,
    primary key (plan_id, fiscal_year, department, kind)
);
