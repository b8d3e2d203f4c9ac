-- Failures reported by earlier steps (no data, refused by the quality gate) may arrive on training.status before the
-- job's request on training.requests: they are kept here and applied when the job is registered.
create table market_failures (
    job_id      varchar(64)  not null,
    market_key  varchar(120) not null,
    reason      text         not null,
    reported_at timestamptz  not null default now(),
    primary key (job_id, market_key)
);
