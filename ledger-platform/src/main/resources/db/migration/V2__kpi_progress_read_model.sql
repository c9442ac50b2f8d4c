-- Read model of the query side's kpi-progress projection: rebuilt from the event store at any time.

create table kpi_progress (
    kpi_id               varchar(64)              not null,
    name                 text                     not null,
    unit                 varchar(64)              not null,
    accumulation         varchar(16)              not null,
    direction            varchar(16)              not null,
    baseline_fiscal_year integer                  not null,
    baseline_value       numeric,
    baseline_qualifier   text,
    target_fiscal_year   integer                  not null,
    target_value         numeric                  not null,
    target_comparator    varchar(16)              not null,
    version              bigint                   not null,
    registered_at        timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    primary key (kpi_id)
);

create table kpi_progress_actual (
    kpi_id             varchar(64)              not null references kpi_progress (kpi_id) on delete cascade,
    fiscal_year        integer                  not null,
    value              numeric                  not null,
    note               text,
    evidence_reference text,
    recorded_at        timestamp with time zone not null,
    recorded_by        varchar(255),
    corrections        integer                  not null,
    last_corrected_at  timestamp with time zone,
    last_corrected_by  varchar(255),
    last_correction_reason text,
    primary key (kpi_id, fiscal_year)
);
