-- Candles as loaded from a source. Prices in quote currency, volume in base currency,
-- open_time_ms = bar open time in epoch milliseconds (UTC).
create table candles (
    exchange     varchar(64)      not null,
    pair         varchar(32)      not null,
    timeframe    varchar(8)       not null,
    open_time_ms bigint           not null,
    open         double precision not null,
    high         double precision not null,
    low          double precision not null,
    close        double precision not null,
    volume       double precision not null,
    primary key (exchange, pair, timeframe, open_time_ms)
);

-- Every market a training job asked for and what was sent for it.
create table market_loads (
    job_id        varchar(64) not null,
    exchange      varchar(64) not null,
    pair          varchar(32) not null,
    timeframe     varchar(8)  not null,
    candle_count  integer     not null,
    chunk_count   integer     not null,
    status        varchar(16) not null check (status in ('PUBLISHED', 'FAILED')),
    message       text,
    loaded_at     timestamptz not null default now(),
    primary key (job_id, exchange, pair, timeframe)
);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
