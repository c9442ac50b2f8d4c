-- The hash chain's scheme 2 (issue 18): each hash commits to the event as stored, not to the records of the code of
-- the day. The chain and checkpoints of scheme 1 are kept as they were, read-only, under new names; the service
-- verifies them once, chains every stored event anew under scheme 2 and records the switch as an event of the
-- ledger's stream (docs/integrity.md, "Schemes").

alter table event_chain rename to event_chain_scheme1;
alter index event_chain_pkey rename to event_chain_scheme1_pkey;
alter table integrity_checkpoint rename to integrity_checkpoint_scheme1;
alter index integrity_checkpoint_pkey rename to integrity_checkpoint_scheme1_pkey;
revoke insert on event_chain_scheme1, integrity_checkpoint_scheme1 from current_user;

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

-- A break of the history once detected, kept apart from the tables it concerns: it stays reported, and writes stay
-- refused, until an administrator acknowledges it, even when the rows it names are put back.
create table integrity_break (
    kind        varchar(40)  not null,
    position    bigint,
    reason      text         not null,
    evidence    text         not null,
    detected_at timestamptz  not null default now(),
    unique nulls not distinct (kind, position, evidence)
);

create trigger event_chain_append_only before update or delete on event_chain
    for each row execute function refuse_history_change();
create trigger event_chain_no_truncate before truncate on event_chain
    for each statement execute function refuse_history_change();
create trigger integrity_checkpoint_append_only before update or delete on integrity_checkpoint
    for each row execute function refuse_history_change();
create trigger integrity_checkpoint_no_truncate before truncate on integrity_checkpoint
    for each statement execute function refuse_history_change();
create trigger integrity_break_append_only before update or delete on integrity_break
    for each row execute function refuse_history_change();
create trigger integrity_break_no_truncate before truncate on integrity_break
    for each statement execute function refuse_history_change();

revoke update, delete, truncate on event_chain, integrity_checkpoint, integrity_break from current_user;
