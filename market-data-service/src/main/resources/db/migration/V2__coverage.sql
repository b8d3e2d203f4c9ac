-- The stretches of each series that were fetched from an exchange: open times [from_ms, until_ms) on the timeframe's
-- grid, every candle the exchange held there stored in candles. Written in the transaction that stores the candles,
-- merged with the adjacent and overlapping rows, so a series has one row per stretch it holds; a fetch asks the
-- exchange only for what these rows lack.
create table coverage (
    exchange   varchar(64) not null,
    pair       varchar(32) not null,
    timeframe  varchar(8)  not null,
    from_ms    bigint      not null,
    until_ms   bigint      not null,
    fetched_at timestamptz not null default now(),
    primary key (exchange, pair, timeframe, from_ms),
    check (from_ms < until_ms)
);
