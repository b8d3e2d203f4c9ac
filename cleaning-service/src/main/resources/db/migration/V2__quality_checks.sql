-- The checks added by the data-quality issue (docs/DATA_QUALITY.md): stale runs, spikes, cross-exchange divergence,
-- forward-fill policies and the quality score. Counts are numbers of candles; valid_fraction, quality_score and
-- threshold_fraction are fractions 0..1; valid_pct is the one percentage, 0..100. Reports stored before this version
-- keep 0 for the new counts (those checks did not run), NULL for what cannot be known now (clean_candle_count,
-- settings), and their quality score is the valid fraction, which is what was published as the score then.
alter table quality_reports
    add column stale_runs                integer not null default 0,
    add column spikes                    integer not null default 0,
    add column cross_exchange_divergence integer not null default 0,
    add column cross_exchange_compared   integer not null default 0,
    add column cross_exchange_references text[]  not null default '{}',
    add column valid_pct                 double precision,
    add column synthetic                 integer not null default 0,
    add column unfilled                  integer not null default 0,
    add column clean_candle_count        integer,
    add column quality_score             double precision,
    add column settings                  text;

update quality_reports
   set valid_pct = case when total = 0 then 0 else 100.0 * valid / total end,
       quality_score = valid_fraction;

alter table quality_reports
    alter column valid_pct set not null,
    alter column quality_score set not null,
    add constraint quality_reports_valid_pct check (valid_pct between 0 and 100),
    add constraint quality_reports_quality_score check (quality_score between 0 and 1),
    alter column stale_runs drop default,
    alter column spikes drop default,
    alter column cross_exchange_divergence drop default,
    alter column cross_exchange_compared drop default,
    alter column cross_exchange_references drop default,
    alter column synthetic drop default,
    alter column unfilled drop default;

-- Per exchange, pair and timeframe: the valid closes of the latest series that passed the gate, which the
-- cross-exchange check of the other exchanges' series of the same pair and timeframe compares with. closes = 16 bytes
-- per candle, big-endian: open time (epoch ms, int64) then the close's IEEE-754 bits, in time order.
create table reference_closes (
    exchange    varchar(64) not null,
    pair        varchar(32) not null,
    timeframe   varchar(8)  not null,
    job_id      varchar(64) not null,
    close_count integer     not null check (close_count >= 0),
    closes      bytea       not null,
    stored_at   timestamptz not null,
    primary key (exchange, pair, timeframe)
);

create index reference_closes_market on reference_closes (pair, timeframe);
