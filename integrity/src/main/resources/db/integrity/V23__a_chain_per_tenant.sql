-- A hash chain, checkpoints and breaks per tenant (issue 23, docs/integrity.md "A chain per tenant"). An event
-- belongs to the tenant its stored stream id names (TenantStreams: `<tenantId>:<id>`, the default tenant's ids name
-- none), which the event's hash commits to; the column below only spells it out so that a tenant's events are read
-- through an index. Each tenant's entries hash over the tenant's previous entry, so the default tenant's chain is the
-- chain every release before this one kept, unchanged.

alter table domain_event_entry add column tenant_id varchar(6) generated always as (
    case when aggregate_identifier ~ '^[0-9]{6}:' then left(aggregate_identifier, 6) else '${defaulttenant}' end)
    stored;
create index domain_event_entry_of_tenant on domain_event_entry (tenant_id, global_index);

-- No release chained another tenant's events: they could be stored only by a build between tenants' streams and
-- this version, whose one chain interleaves the tenants. Such a database is refused rather than read as if each
-- tenant's entries had been chained on their own.
do $$
begin
    if exists (select 1 from event_chain c join domain_event_entry e on e.global_index = c.global_index
               where e.tenant_id <> '${defaulttenant}') then
        raise exception 'event_chain holds other tenants'' entries in the one chain of an unreleased build; '
            'export each tenant''s events with that build and import them into a new deployment';
    end if;
end
$$;

alter table event_chain add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table event_chain alter column tenant_id drop default;
create index event_chain_of_tenant on event_chain (tenant_id, global_index);

alter table integrity_checkpoint add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table integrity_checkpoint alter column tenant_id drop default;
alter table integrity_checkpoint drop constraint integrity_checkpoint_pkey;
alter table integrity_checkpoint add primary key (tenant_id, size);

alter table integrity_break add column tenant_id varchar(6) not null default '${defaulttenant}';
alter table integrity_break alter column tenant_id drop default;
alter table integrity_break drop constraint integrity_break_kind_position_evidence_key;
alter table integrity_break add constraint integrity_break_of_tenant unique nulls not distinct
    (tenant_id, kind, position, evidence);
