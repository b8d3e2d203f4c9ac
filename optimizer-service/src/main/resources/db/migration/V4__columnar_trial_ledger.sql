-- The trial ledger without jsonb: a 201,600-trial grid recorded as jsonb rows (parameters, metrics and returns per
-- trial) took minutes. A trial is now its parameter values and a few summary metrics as double precision arrays,
-- loaded by binary COPY; the names of both arrays' elements are stored once per window. Full metrics and per-period
-- returns are kept only for the trials that need them (each window's best, in and out of sample) in trial_details.
-- The jsonb ledger of earlier jobs stays readable as trials_v1; nothing reads it any more.
alter table trials rename to trials_v1;
alter table trials_v1 rename constraint trials_pkey to trials_v1_pkey;

create table trials (
    job_id        varchar(64)  not null,
    market_key    varchar(120) not null,
    window_index  integer      not null,
    purpose       varchar(8)   not null check (purpose in ('SEARCH', 'TEST')),
    trial_number  integer      not null,
    -- in the order of validation_windows.parameter_names
    parameters    double precision[] not null,
    -- null when undefined (too few trades, undefined metric) or failed
    score         double precision,
    -- in the order of validation_windows.metric_names; NaN where undefined; null when the trial failed
    metrics       double precision[],
    error         text,
    worker_id     varchar(120),
    primary key (job_id, market_key, window_index, purpose, trial_number)
);

create table trial_details (
    job_id        varchar(64)  not null,
    market_key    varchar(120) not null,
    window_index  integer      not null,
    purpose       varchar(8)   not null check (purpose in ('SEARCH', 'TEST')),
    trial_number  integer      not null,
    metrics       jsonb        not null,
    daily_returns double precision[] not null,
    trade_returns double precision[] not null,
    primary key (job_id, market_key, window_index, purpose, trial_number)
);

-- recorded_trials counts the window's search trials in the ledger, so progress needs no count(*) over 200,000 rows
alter table validation_windows add column parameter_names text[];
alter table validation_windows add column metric_names text[];
alter table validation_windows add column recorded_trials integer not null default 0;
update validation_windows w set recorded_trials = (select count(*) from trials_v1 t where t.job_id = w.job_id
    and t.market_key = w.market_key and t.window_index = w.window_index and t.purpose = 'SEARCH');

-- Jobs still open cannot go on: their trials so far are in the jsonb ledger, which nothing reads any more.
update training_jobs set status = 'failed', completed_at = now(),
    error_message = 'interrupted by the upgrade to the columnar trial ledger (migration V4); submit the request again'
    where status in ('pending', 'running');
