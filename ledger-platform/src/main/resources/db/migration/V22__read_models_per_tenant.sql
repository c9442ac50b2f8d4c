-- Every read model row belongs to the tenant of the event it was built from. Row-level security as on the accounts
-- (V20): the projections set each event's tenant on their transaction, the readers the request's, and a query that
-- names no tenant still reads and writes one tenant's rows only. The tenant leads every primary key, so two
-- municipalities may both have a KPI `1-1-1-01` or a plan `shinagawa-2015`.
do $$
declare
    read_model text;
    key_name text;
    key_columns text;
begin
    foreach read_model in array array[
            'kpi_version', 'kpi_actual_version', 'kpi_figure_cycle',
            'strategy_plan_version', 'strategy_goal_version', 'strategy_policy_version', 'strategy_measure_version',
            'scoring_policy_adoption_version', 'scoring_policy_definition',
            'reporting_period', 'reporting_period_department', 'reporting_period_opinion', 'reporting_period_step',
            'reporting_reminder', 'ledger_change'] loop
        execute format('alter table %I add column tenant_id varchar(6) not null default %L',
                read_model, '${defaulttenant}');
        execute format('alter table %I alter column tenant_id set default current_setting(%L)',
                read_model, 'kpi_ledger.tenant');

        select c.conname, string_agg(quote_ident(a.attname), ', ' order by k.ordinality)
        into key_name, key_columns
        from pg_constraint c
        cross join unnest(c.conkey) with ordinality as k(attnum, ordinality)
        join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.attnum
        where c.conrelid = read_model::regclass and c.contype = 'p'
        group by c.conname;
        execute format('alter table %I drop constraint %I', read_model, key_name);
        execute format('alter table %I add primary key (tenant_id, %s)', read_model, key_columns);

        execute format('alter table %I enable row level security', read_model);
        execute format('alter table %I force row level security', read_model);
        execute format('create policy rows_of_the_tenant on %I '
                || 'using (tenant_id = current_setting(%L, true)) with check (tenant_id = current_setting(%L, true))',
                read_model, 'kpi_ledger.tenant', 'kpi_ledger.tenant');
    end loop;
end
$$;
