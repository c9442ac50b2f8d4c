-- Read models of the reporting cycle (効果検証), rebuilt from events at any time.

-- Where each fiscal year's figure of a KPI stands in the cycle (kpi-progress projection), over time like the other
-- temporal tables, each version valid from the event that made it until the next: its status, the figure the last
-- report published, and a declaration that the figure comes later.
create table kpi_figure_cycle (
    kpi_id             varchar(64) not null,
    fiscal_year        integer     not null,
    position           bigint      not null,
    valid              tstzrange   not null,
    status             varchar(16) not null,
    published_value    numeric,
    publication_id     varchar(64),
    late_reason        text,
    late_expected_by   date,
    primary key (kpi_id, fiscal_year, position)
);
create index kpi_figure_cycle_current_idx on kpi_figure_cycle (kpi_id, fiscal_year) where upper_inf(valid);

-- The reporting periods (reporting-cycle projection).
create table reporting_period (
    plan_id             varchar(64) not null,
    fiscal_year         integer     not null,
    state               varchar(16) not null,
    due_date            date        not null,
    opened_at           timestamptz not null,
    opened_by           varchar(255),
    publication_id      varchar(64),
    published_at        timestamptz,
    position            bigint      not null,
    primary key (plan_id, fiscal_year)
);

-- Each department's submission and its review.
create table reporting_period_department (
    plan_id        varchar(64) not null,
    fiscal_year    integer     not null,
    department     varchar(32) not null,
    state          varchar(16) not null,
    kpi_ids        text[]      not null,
    submitted_at   timestamptz not null,
    submitted_by   varchar(255),
    reviewed_at    timestamptz,
    reviewed_by    varchar(255),
    comment        text,
    position       bigint      not null,
    primary key (plan_id, fiscal_year, department)
);

-- The committee's opinions.
create table reporting_period_opinion (
    opinion_id  varchar(64) not null primary key,
    plan_id     varchar(64) not null,
    fiscal_year integer     not null,
    text        text        not null,
    kpi_id      varchar(64),
    goal        integer,
    given_at    timestamptz not null,
    given_by    varchar(255),
    position    bigint      not null
);
create index reporting_period_opinion_period_idx on reporting_period_opinion (plan_id, fiscal_year, position);

-- Every publication and reopening of a period, in order.
create table reporting_period_step (
    position           bigint      not null primary key,
    plan_id            varchar(64) not null,
    fiscal_year        integer     not null,
    step               varchar(16) not null,
    publication_id     varchar(64),
    title              text,
    reason             text,
    decision_reference text,
    kpi_ids            text[]      not null,
    taken_at           timestamptz not null,
    taken_by           varchar(255)
);

