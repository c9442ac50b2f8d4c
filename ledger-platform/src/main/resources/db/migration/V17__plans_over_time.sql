-- Plans over time (docs/plans.md): a KPI's code in its plan, the predecessor's KPI it continues and its retirement;
-- a plan's predecessor and its period as defined and as revised by decision; goals, policies and measures retired.
-- Every new column is null for what was recorded before (the id is the code, no lineage, nothing retired), so the
-- read models need no rebuild.

alter table kpi_version add column code varchar(64);
alter table kpi_version add column continues_kpi_id varchar(64);
alter table kpi_version add column lineage varchar(16);
alter table kpi_version add column retired_last_year integer;
alter table kpi_version add column retirement_reason text;
alter table kpi_version add column retirement_decision text;
create index kpi_version_plan_code_idx on kpi_version (plan_id, (coalesce(code, kpi_id)));
create index kpi_version_continues_idx on kpi_version (continues_kpi_id) where continues_kpi_id is not null;

alter table strategy_plan_version add column predecessor_plan_id varchar(64);
alter table strategy_plan_version add column defined_last_year integer;
alter table strategy_plan_version add column period_reason text;
alter table strategy_plan_version add column period_decision text;
update strategy_plan_version set defined_last_year = last_year;

alter table strategy_goal_version add column retired_reason text;
alter table strategy_goal_version add column retired_decision text;
alter table strategy_policy_version add column retired_reason text;
alter table strategy_policy_version add column retired_decision text;
alter table strategy_measure_version add column retired_reason text;
alter table strategy_measure_version add column retired_decision text;
