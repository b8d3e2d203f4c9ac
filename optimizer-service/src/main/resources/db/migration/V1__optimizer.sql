-- The plan's training_jobs table, plus the cancelled status and the job's markets.
create table training_jobs (
    id                        varchar(64)  primary key,
    user_id                   varchar(50)  not null,
    strategy_name             varchar(100) not null,
    status                    varchar(20)  not null,
    config                    jsonb        not null,
    total_markets             integer      not null,
    total_combinations        integer      not null default 0,
    completed_combinations    integer      not null default 0,
    failed_combinations       integer      not null default 0,
    configurations_created    integer      not null default 0,
    best_net_profit_fraction  double precision,
    created_at                timestamptz  not null default now(),
    started_at                timestamptz,
    completed_at              timestamptz,
    error_message             text,
    constraint valid_status check (status in ('pending', 'running', 'completed', 'failed', 'cancelled'))
);
create index idx_training_jobs_user on training_jobs (user_id);
create index idx_training_jobs_status on training_jobs (status);
create index idx_training_jobs_created on training_jobs (created_at desc);

-- One row per market (exchange x pair x timeframe) of a job.
create table job_markets (
    job_id                 varchar(64) not null references training_jobs (id),
    market_key             varchar(120) not null,
    exchange               varchar(64) not null,
    pair                   varchar(32) not null,
    timeframe              varchar(8)  not null,
    status                 varchar(16) not null check (status in ('waiting', 'optimizing', 'completed', 'failed')),
    message                text,
    data_fingerprint       varchar(64),
    quality_score_fraction double precision,
    updated_at             timestamptz not null default now(),
    primary key (job_id, market_key)
);

-- Cleaned candles as received on candles.clean; backtest workers load a series by its fingerprint.
create table clean_chunks (
    job_id       varchar(64)  not null,
    market_key   varchar(120) not null,
    chunk_index  integer      not null,
    chunk_count  integer      not null,
    fingerprint  varchar(64)  not null,
    quality_score_fraction double precision not null,
    candles      bytea        not null,
    primary key (job_id, market_key, chunk_index)
);
create index idx_clean_chunks_fingerprint on clean_chunks (fingerprint, chunk_index);

-- Validation windows of a market: trials are searched on the train slice, the best is tested on the test slice.
create table validation_windows (
    job_id          varchar(64)  not null,
    market_key      varchar(120) not null,
    window_index    integer      not null,
    train_from_ms   bigint       not null,
    train_until_ms  bigint       not null,
    test_from_ms    bigint       not null,
    test_until_ms   bigint       not null,
    planned_trials  integer      not null,
    status          varchar(16)  not null check (status in ('searching', 'testing', 'done')),
    best_trial      integer,
    best_score      double precision,
    primary key (job_id, market_key, window_index)
);

-- The trial ledger: one row per trial, never two (a redelivered result inserts nothing).
create table trials (
    job_id        varchar(64)  not null,
    market_key    varchar(120) not null,
    window_index  integer      not null,
    purpose       varchar(8)   not null check (purpose in ('SEARCH', 'TEST')),
    trial_number  integer      not null,
    parameters    jsonb        not null,
    metrics       jsonb,
    score         double precision,
    daily_returns jsonb,
    trade_returns jsonb,
    error         text,
    worker_id     varchar(120),
    recorded_at   timestamptz  not null default now(),
    primary key (job_id, market_key, window_index, purpose, trial_number)
);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
