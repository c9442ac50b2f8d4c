-- An idempotency key is a promise to one user, and users belong to tenants: `sato` of two tenants are two people
-- whose keys never meet. Row-level security as on the accounts (V20).
alter table idempotency_key add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table idempotency_key alter column tenant_id set default current_setting('kpi_ledger.tenant');
alter table idempotency_key drop constraint idempotency_key_pkey;
alter table idempotency_key add primary key (tenant_id, principal, idempotency_key);

alter table idempotency_key enable row level security;
alter table idempotency_key force row level security;
create policy rows_of_the_tenant on idempotency_key
    using (tenant_id = current_setting('kpi_ledger.tenant', true))
    with check (tenant_id = current_setting('kpi_ledger.tenant', true));
