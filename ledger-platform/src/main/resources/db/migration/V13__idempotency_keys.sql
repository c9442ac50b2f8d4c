-- Idempotency keys of writes (platform.idempotency): per user, the request's fingerprint and, once answered, the
-- answer replayed to a repeat. Not derived from events: a key is a promise about an answer, kept 24 hours.
create table idempotency_key (
    principal       varchar(255) not null,
    idempotency_key varchar(255) not null,
    fingerprint     varchar(64)  not null,
    created_at      timestamptz  not null,
    response_status integer,
    content_type    varchar(255),
    location        text,
    entity_tag      varchar(255),
    body            bytea,
    completed_at    timestamptz,
    primary key (principal, idempotency_key)
);
create index idempotency_key_created_idx on idempotency_key (created_at);
