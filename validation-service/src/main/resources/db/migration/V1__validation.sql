-- One row per validated configuration (one job x one market): its lifecycle stage, why, and the statistics
-- behind it (p_value, z_score, stability_score, walk_forward_efficiency_ratio, overfit, trials_evaluated, ...,
-- keyed with their units; an undefined value is null with <key>_undefined_reason beside it).
-- market is exchange|pair|timeframe.
create table validations (
    config_id  varchar(64)  not null primary key,
    job_id     varchar(64)  not null,
    market     varchar(128) not null,
    stage      varchar(16)  not null,
    reasons    jsonb        not null,
    statistics jsonb        not null,
    created_at timestamptz  not null default now()
);

create index validations_job on validations (job_id);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
