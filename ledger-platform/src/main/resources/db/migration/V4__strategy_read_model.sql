-- Read model of the query side's strategy projection (plans, goals, policies, measures) and each KPI's place in
-- a plan: rebuilt from the event store at any time.

create table strategy_plan (
    plan_id    varchar(64) not null,
    title      text        not null,
    first_year integer     not null,
    last_year  integer     not null,
    version    bigint      not null,
    primary key (plan_id)
);

create table strategy_goal (
    plan_id varchar(64) not null references strategy_plan (plan_id) on delete cascade,
    number  integer     not null,
    title   text        not null,
    primary key (plan_id, number)
);

create table strategy_policy (
    plan_id     varchar(64) not null references strategy_plan (plan_id) on delete cascade,
    code        varchar(32) not null,
    goal_number integer     not null,
    title       text        not null,
    primary key (plan_id, code)
);

create table strategy_measure (
    plan_id      varchar(64) not null references strategy_plan (plan_id) on delete cascade,
    policy_code  varchar(32) not null,
    number       integer     not null,
    title        text        not null,
    overall_plans text        not null, -- the names of the measure's overall plans (全体計画), one a line
    primary key (plan_id, policy_code, number)
);

alter table kpi_progress add column plan_id varchar(64);
alter table kpi_progress add column policy_code varchar(32);
alter table kpi_progress add column measure_number integer;
create index kpi_progress_plan_idx on kpi_progress (plan_id);

-- The scoring policies a plan adopted, each from a fiscal year on; an actual is graded with the latest adoption
-- whose year is not after the actual's.
create table scoring_policy_adoption (
    plan_id        varchar(64) not null references strategy_plan (plan_id) on delete cascade,
    effective_from integer     not null,
    policy_id      varchar(64) not null,
    policy_version integer     not null,
    primary key (plan_id, effective_from)
);
