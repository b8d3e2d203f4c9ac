-- Every bulk import of a candle file (POST /api/market-data/imports). The row is committed as RUNNING when the import
-- starts, on its own, so that rows_read can show progress while the candles' transaction is still open; it ends
-- COMPLETED with what was stored, or FAILED with the reason (and then nothing of the file was stored).
create table imports (
    id                 bigint generated always as identity primary key,
    exchange           varchar(64) not null,
    pair               varchar(32) not null,
    timeframe          varchar(8)  not null,
    file_format        varchar(32),
    status             varchar(16) not null check (status in ('RUNNING', 'COMPLETED', 'FAILED')),
    rows_read          bigint      not null default 0,
    new_candles        bigint      not null default 0,
    first_open_time_ms bigint,
    last_open_time_ms  bigint,
    error              text,
    started_at         timestamptz not null,
    finished_at        timestamptz
);

create index imports_by_market on imports (exchange, pair, timeframe, id desc);
