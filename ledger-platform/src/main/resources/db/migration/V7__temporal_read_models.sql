-- The read models become temporal: every change of a KPI, an actual or a part of a strategy adds a row valid from
-- its recording time until the next change (`valid`, a half-open tstzrange; the current row is unbounded above).
-- The state "as of" any instant is the rows whose range contains it (GiST indexes); now is as of 'infinity'.
-- `position` is the global index of the event that made the row. The old current-state tables are dropped and
-- both processors' tokens with them, so the new tables are rebuilt from the event store at the next start.

drop table kpi_progress_actual;
drop table kpi_progress;
drop table scoring_policy_adoption;
drop table strategy_measure;
drop table strategy_policy;
drop table strategy_goal;
drop table strategy_plan;
delete from token_entry where processor_name in ('kpi-progress', 'strategy');
delete from dead_letter_entry where processing_group in ('kpi-progress', 'strategy');

create table kpi_version (
    kpi_id               varchar(64) not null,
    version              bigint      not null,
    position             bigint      not null,
    valid                tstzrange   not null,
    recorded_at          timestamptz not null,
    registered_at        timestamptz not null,
    name                 text        not null,
    unit                 varchar(64) not null,
    accumulation         varchar(16) not null,
    direction            varchar(16) not null,
    value_kind           varchar(16) not null,
    baseline_fiscal_year integer     not null,
    baseline_value       numeric,
    baseline_qualifier   text,
    target_fiscal_year   integer     not null,
    target_value         numeric     not null,
    target_comparator    varchar(16) not null,
    plan_id              varchar(64),
    policy_code          varchar(32),
    measure_number       integer,
    department           varchar(32),
    primary key (kpi_id, version)
);
create index kpi_version_valid_idx on kpi_version using gist (valid);
create index kpi_version_plan_idx on kpi_version (plan_id);
create index kpi_version_position_idx on kpi_version (position);

create table kpi_actual_version (
    kpi_id                 varchar(64)  not null,
    fiscal_year            integer      not null,
    version                bigint       not null,
    position               bigint       not null,
    valid                  tstzrange    not null,
    value                  numeric      not null,
    note                   text,
    evidence_reference     text,
    recorded_at            timestamptz  not null,
    recorded_by            varchar(255),
    corrections            integer      not null,
    last_corrected_at      timestamptz,
    last_corrected_by      varchar(255),
    last_correction_reason text,
    primary key (kpi_id, fiscal_year, version)
);
create index kpi_actual_version_valid_idx on kpi_actual_version using gist (valid);

create table strategy_plan_version (
    plan_id    varchar(64) not null,
    version    bigint      not null,
    position   bigint      not null,
    valid      tstzrange   not null,
    title      text        not null,
    first_year integer     not null,
    last_year  integer     not null,
    primary key (plan_id, version)
);
create index strategy_plan_version_valid_idx on strategy_plan_version using gist (valid);

create table strategy_goal_version (
    plan_id  varchar(64) not null,
    number   integer     not null,
    position bigint      not null,
    valid    tstzrange   not null,
    title    text        not null,
    primary key (plan_id, number, position)
);
create index strategy_goal_version_valid_idx on strategy_goal_version using gist (valid);

create table strategy_policy_version (
    plan_id     varchar(64) not null,
    code        varchar(32) not null,
    position    bigint      not null,
    valid       tstzrange   not null,
    goal_number integer     not null,
    title       text        not null,
    primary key (plan_id, code, position)
);
create index strategy_policy_version_valid_idx on strategy_policy_version using gist (valid);

create table strategy_measure_version (
    plan_id       varchar(64) not null,
    policy_code   varchar(32) not null,
    number        integer     not null,
    position      bigint      not null,
    valid         tstzrange   not null,
    title         text        not null,
    overall_plans text        not null, -- the names of the measure's overall plans (全体計画), one a line
    primary key (plan_id, policy_code, number, position)
);
create index strategy_measure_version_valid_idx on strategy_measure_version using gist (valid);

-- The scoring policies a plan adopted, each from a fiscal year on; an actual is graded with the latest adoption
-- whose year is not after the actual's.
create table scoring_policy_adoption_version (
    plan_id        varchar(64) not null,
    effective_from integer     not null,
    position       bigint      not null,
    valid          tstzrange   not null,
    policy_id      varchar(64) not null,
    policy_version integer     not null,
    primary key (plan_id, effective_from, position)
);
create index scoring_policy_adoption_version_valid_idx on scoring_policy_adoption_version using gist (valid);

-- Every event of the ledger once, flat, for the change history and the audit feed (the ledger-history processor).
create table ledger_change (
    position           bigint       not null primary key,
    subject            varchar(64)  not null, -- the KPI id, or the plan id of a strategy event
    subject_kind       varchar(16)  not null, -- KPI or STRATEGY
    version            bigint       not null, -- the event's sequence number in its stream
    type               varchar(64)  not null,
    recorded_at        timestamptz  not null,
    actor              varchar(255),
    actor_department   varchar(32),
    actor_roles        varchar(100),
    auth_method        varchar(32),
    correlation_id     varchar(128),
    fiscal_year        integer,
    from_value         jsonb,
    to_value           jsonb,
    reason             text,
    decision_reference text,
    evidence_reference text,
    note               text
);
create index ledger_change_subject_idx on ledger_change (subject, position);
create index ledger_change_recorded_idx on ledger_change (recorded_at, position);
create index ledger_change_actor_idx on ledger_change (actor, position);
