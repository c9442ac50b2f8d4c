-- Scoring policies cities defined (query side's scoring-policies projection), rebuilt from their events.
create table scoring_policy_definition (
    policy_id   varchar(64)  not null,
    version     integer      not null,
    definition  text         not null,
    defined_at  timestamptz  not null,
    defined_by  varchar(255),
    position    bigint       not null,
    primary key (policy_id, version)
);
