-- Accounts belong to one tenant: the same username in two tenants is two people. Every row carries its tenant, and
-- row-level security shows a connection only the rows of the tenant it is set for (kpi_ledger.tenant, set by the
-- service for each request), so a query that forgets to say the tenant still reads and writes only its own rows.
-- The service's role owns these tables; FORCE binds the owner too.

-- The deployment's operator: the first administrator of the default tenant, as docs/tenants.md says.
update user_account set roles = roles || ',OPERATOR'
where username in (select username from user_account_change where changed_by = 'system:first-start'
                   and action = 'CREATED')
  and roles not like '%OPERATOR%';

alter table user_account add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table user_account alter column tenant_id set default current_setting('kpi_ledger.tenant');
alter table user_account drop constraint user_account_pkey;
alter table user_account add primary key (tenant_id, username);
drop index user_account_username_any_case;
create unique index user_account_username_any_case on user_account (tenant_id, lower(username));

alter table user_account_change add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table user_account_change alter column tenant_id set default current_setting('kpi_ledger.tenant');
drop index user_account_change_username;
create index user_account_change_username on user_account_change (tenant_id, username, id);

alter table user_account enable row level security;
alter table user_account force row level security;
create policy rows_of_the_tenant on user_account
    using (tenant_id = current_setting('kpi_ledger.tenant', true))
    with check (tenant_id = current_setting('kpi_ledger.tenant', true));

alter table user_account_change enable row level security;
alter table user_account_change force row level security;
create policy rows_of_the_tenant on user_account_change
    using (tenant_id = current_setting('kpi_ledger.tenant', true))
    with check (tenant_id = current_setting('kpi_ledger.tenant', true));
