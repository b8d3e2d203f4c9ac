-- Every trained configuration this service guards, with the state of each of the plan's seven breakers for it.
-- A breaker state is ARMED (watching, trading allowed) or TRIPPED (trading paused). Breakers start ARMED; only
-- the breaker logic (a later issue) trips them.
create table active_configurations (
    config_id                      varchar(64)  not null primary key,
    strategy                       varchar(100) not null,
    exchange                       varchar(64)  not null,
    pair                           varchar(32)  not null,
    timeframe                      varchar(8)   not null,
    stage                          varchar(16)  not null,
    max_daily_loss_state           varchar(8)   not null default 'ARMED' check (max_daily_loss_state in ('ARMED', 'TRIPPED')),
    max_correlation_spike_state    varchar(8)   not null default 'ARMED' check (max_correlation_spike_state in ('ARMED', 'TRIPPED')),
    unusual_market_threshold_state varchar(8)   not null default 'ARMED' check (unusual_market_threshold_state in ('ARMED', 'TRIPPED')),
    latency_threshold_ms_state     varchar(8)   not null default 'ARMED' check (latency_threshold_ms_state in ('ARMED', 'TRIPPED')),
    max_adverse_selection_state    varchar(8)   not null default 'ARMED' check (max_adverse_selection_state in ('ARMED', 'TRIPPED')),
    consecutive_losses_limit_state varchar(8)   not null default 'ARMED' check (consecutive_losses_limit_state in ('ARMED', 'TRIPPED')),
    regime_break_threshold_state   varchar(8)   not null default 'ARMED' check (regime_break_threshold_state in ('ARMED', 'TRIPPED')),
    received_at                    timestamptz  not null default now()
);

create index active_configurations_stage on active_configurations (stage);
create index active_configurations_received on active_configurations (received_at desc);

create table processed_events (
    event_id     varchar(64) not null,
    consumer     varchar(64) not null,
    processed_at timestamptz not null,
    primary key (event_id, consumer)
);
