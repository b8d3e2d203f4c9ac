-- Chunks of candles.raw waiting for the rest of their series. payload = the chunk's CandleColumns as the JSON of
-- dev.trainer.contracts.serde.EventJson, byte for byte (bytea, not jsonb: jsonb would turn -0.0 into 0 and so
-- change the fingerprint). Deleted once the series has been evaluated.
create table raw_chunks (
    job_id       varchar(64)  not null,
    series_key   varchar(128) not null,
    chunk_index  integer      not null check (chunk_index >= 0),
    chunk_count  integer      not null check (chunk_count > chunk_index),
    event_id     varchar(64)  not null,
    candle_count integer      not null,
    payload      bytea        not null,
    received_at  timestamptz  not null default now(),
    primary key (job_id, series_key, chunk_index)
);

-- One row per evaluated series of a job: what the checks counted and the gate's decision. Counts are numbers of
-- candles; fractions are 0..1 (not percentages); fingerprint = SHA-256 (hex) of the cleaned series.
create table quality_reports (
    job_id             varchar(64)      not null,
    exchange           varchar(64)      not null,
    pair               varchar(32)      not null,
    timeframe          varchar(8)       not null,
    total              integer          not null,
    zero_volume        integer          not null,
    flat               integer          not null,
    ohlc_invalid       integer          not null,
    duplicates         integer          not null,
    out_of_order       integer          not null,
    missing            integer          not null,
    valid              integer          not null,
    valid_fraction     double precision not null check (valid_fraction between 0 and 1),
    threshold_fraction double precision not null check (threshold_fraction between 0 and 1),
    passed             boolean          not null,
    verdict            text             not null,
    fingerprint        char(64)         not null,
    created_at         timestamptz      not null default now(),
    primary key (job_id, exchange, pair, timeframe)
);

create index quality_reports_market on quality_reports (exchange, pair, timeframe);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
