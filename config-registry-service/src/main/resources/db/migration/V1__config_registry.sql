-- The plan's trained_configurations table: one row per trained configuration (one job x one market), with its
-- parameters, the V3 configuration the trading layer loads, the evidence and where it came from.
-- Units are in the column names: *_fraction is a fraction (0.02 = 2 %), sharpe_daily is the Sharpe ratio of
-- daily returns annualised with sqrt(365), trade_count is a number of closed trades. The key numbers are
-- out-of-sample; null means undefined, and the reason is beside the value in out_of_sample_metrics/statistics.
create table trained_configurations (
    config_id               varchar(64)      not null primary key,
    event_id                varchar(64)      not null,
    job_id                  varchar(64)      not null,
    user_id                 varchar(50)      not null,
    strategy                varchar(100)     not null,
    exchange                varchar(64)      not null,
    pair                    varchar(32)      not null,
    timeframe               varchar(8)       not null,
    parameters              jsonb            not null,
    v3_config               jsonb            not null,
    in_sample_metrics       jsonb            not null,
    out_of_sample_metrics   jsonb            not null,
    statistics              jsonb            not null,
    net_profit_fraction     double precision,
    sharpe_daily            double precision,
    max_drawdown_fraction   double precision,
    gross_win_rate_fraction double precision,
    trade_count             integer,
    p_value                 double precision,
    z_score                 double precision,
    stability_score         double precision,
    lifecycle_stage         varchar(16)      not null
        check (lifecycle_stage in ('PAPER', 'DISCOVERY', 'VALIDATION', 'MATURE', 'DECAY')),
    stage_reasons           jsonb            not null,
    data_fingerprint        varchar(128)     not null,
    quality_score_fraction  double precision not null,
    code_version            varchar(64)      not null,
    seed                    bigint           not null,
    optimization_method     varchar(32)      not null,
    validation_method       varchar(32)      not null,
    trials_evaluated        integer          not null,
    trained_at              timestamptz      not null,
    created_at              timestamptz      not null default now()
);

create index trained_configurations_market on trained_configurations (strategy, exchange, pair, timeframe);
create index trained_configurations_stage on trained_configurations (lifecycle_stage);
create index trained_configurations_job on trained_configurations (job_id);
create index trained_configurations_created on trained_configurations (created_at desc);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
