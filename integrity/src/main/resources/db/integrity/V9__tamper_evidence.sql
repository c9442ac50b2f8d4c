-- Tamper evidence (issue 10). Each stored event's hash in the chain (docs/integrity.md), written in the event's own
-- transaction; the signed checkpoints of the chain's Merkle tree; and a database that refuses to change history.

create table event_chain (
    global_index bigint primary key,
    hash         bytea  not null check (octet_length(hash) = 32)
);

create table integrity_checkpoint (
    size       bigint      primary key,
    root_hash  bytea       not null check (octet_length(root_hash) = 32),
    note       text        not null,
    created_at timestamptz not null default now()
);

-- Events already stored before this version are chained by the service at its next start (IntegrityChain).

create function refuse_history_change() returns trigger language plpgsql as $$
begin
    raise exception 'the ledger''s history is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end
$$;

create trigger domain_event_entry_append_only before update or delete on domain_event_entry
    for each row execute function refuse_history_change();
create trigger domain_event_entry_no_truncate before truncate on domain_event_entry
    for each statement execute function refuse_history_change();
create trigger event_chain_append_only before update or delete on event_chain
    for each row execute function refuse_history_change();
create trigger event_chain_no_truncate before truncate on event_chain
    for each statement execute function refuse_history_change();
create trigger integrity_checkpoint_append_only before update or delete on integrity_checkpoint
    for each row execute function refuse_history_change();
create trigger integrity_checkpoint_no_truncate before truncate on integrity_checkpoint
    for each statement execute function refuse_history_change();

-- The service's own role (the one that ran this migration and owns the tables) may only read and insert them.
-- A superuser is not bound by privileges, and can disable the triggers; the hashes and the signed checkpoints are
-- what catch that.
revoke update, delete, truncate on domain_event_entry, event_chain, integrity_checkpoint from current_user;
