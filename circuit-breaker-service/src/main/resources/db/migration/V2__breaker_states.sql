-- Issue 7: the breakers watch their inputs. A breaker's state belongs to a (breaker, scope), not to a configuration:
-- one trip of max_daily_loss on 'portfolio' stops every configuration. The seven per-configuration state columns of V1
-- (never tripped: nothing could trip them) give way to breaker_states; /configurations derives each configuration's
-- breakers from the scopes that cover it. Every input the breakers need is kept here, so a restart loses nothing.

alter table active_configurations
    drop column max_daily_loss_state,
    drop column max_correlation_spike_state,
    drop column unusual_market_threshold_state,
    drop column latency_threshold_ms_state,
    drop column max_adverse_selection_state,
    drop column consecutive_losses_limit_state,
    drop column regime_break_threshold_state,
    -- the order of arrival: of two correlated configurations the later one trips
    add column received_seq bigint,
    -- the out-of-sample daily returns of configs.trained (fractions), dated by the start of their UTC day
    add column oos_day_starts_ms bigint[] not null default '{}',
    add column oos_daily_returns double precision[] not null default '{}';

update active_configurations a set received_seq = r.n
from (select config_id, row_number() over (order by received_at, config_id) as n from active_configurations) r
where a.config_id = r.config_id;

alter table active_configurations alter column received_seq set not null;
create unique index active_configurations_received_seq on active_configurations (received_seq);
create index active_configurations_market on active_configurations (exchange, pair);

-- One row per (breaker, scope) the service has met. scope: 'portfolio', 'config:<configId>',
-- 'market:<exchange>|<pair>' or 'exchange:<exchange>'. reason, measured_value and threshold describe the trip (null
-- while ARMED); last_* is the latest measurement, tripped or not, so an operator sees how close a scope is.
create table breaker_states (
    id                  bigserial    primary key,
    breaker             varchar(64)  not null,
    scope               varchar(300) not null,
    state               varchar(8)   not null check (state in ('ARMED', 'TRIPPED')),
    reason              text,
    measured_value      double precision,
    threshold           double precision,
    tripped_at          timestamptz,
    -- max_daily_loss: the UTC day whose loss tripped it; the roll-over past that day re-arms it
    trip_day            date,
    cool_down_until     timestamptz,
    last_measured_value double precision,
    last_measurement    text,
    last_measured_at    timestamptz,
    changed_at          timestamptz  not null,
    unique (breaker, scope)
);

create index breaker_states_tripped on breaker_states (state, cool_down_until);

-- Thresholds set through REST for one (breaker, scope), in the breaker's unit; the configured default applies elsewhere.
create table threshold_overrides (
    id        bigserial        primary key,
    breaker   varchar(64)      not null,
    scope     varchar(300)     not null,
    threshold double precision not null,
    actor     varchar(100)     not null,
    note      text             not null,
    set_at    timestamptz      not null,
    unique (breaker, scope)
);

-- Every override set or cleared and every manual reset: who, why, and the values before and after.
create table breaker_audit (
    id            bigserial    primary key,
    at            timestamptz  not null,
    action        varchar(24)  not null check (action in ('OVERRIDE_SET', 'OVERRIDE_CLEARED', 'MANUAL_RESET')),
    breaker       varchar(64)  not null,
    scope         varchar(300) not null,
    actor         varchar(100) not null,
    note          text         not null,
    old_threshold double precision,
    new_threshold double precision,
    old_state     varchar(8),
    new_state     varchar(8)
);

create index breaker_audit_scope on breaker_audit (breaker, scope, id desc);

-- The portfolio's realised P&L per UTC day (quote currency): the start-of-day value of a day is the starting value
-- plus the P&L of every day before it.
create table portfolio_days (
    day                date             primary key,
    realised_pnl_quote double precision not null,
    closing_fills      integer          not null
);

-- Per configuration, known or not yet (executions may come before configs.trained): the streak of losing fills and
-- the outcomes (true = adverse) of the last judged fills, oldest first.
create table configuration_activity (
    config_id      varchar(64) primary key,
    loss_streak    integer     not null check (loss_streak >= 0),
    judged_adverse boolean[]   not null default '{}'
);

-- The live daily P&L of each configuration (quote currency), per UTC day; / configuration capital = its daily return.
create table configuration_daily_pnl (
    config_id          varchar(64)      not null,
    day_start_ms       bigint           not null,
    realised_pnl_quote double precision not null,
    primary key (config_id, day_start_ms)
);

-- Fills waiting for the market price at filled_at + horizon, to be judged adverse or not.
create table pending_fills (
    event_id     varchar(64)      primary key,
    config_id    varchar(64)      not null,
    exchange     varchar(64)      not null,
    pair         varchar(32)      not null,
    side         varchar(4)       not null check (side in ('BUY', 'SELL')),
    filled_price double precision not null,
    filled_at    timestamptz      not null,
    due_at_ms    bigint           not null
);

create index pending_fills_market on pending_fills (exchange, pair, due_at_ms);

-- Per candle series, the trailing candles the market breakers need (oldest first, equal lengths) and the open time of
-- the newest candle seen: only newer candles change the state.
create table market_series (
    id                bigserial          primary key,
    exchange          varchar(64)        not null,
    pair              varchar(32)        not null,
    timeframe         varchar(8)         not null,
    last_open_time_ms bigint             not null,
    open_times_ms     bigint[]           not null,
    opens             double precision[] not null,
    closes            double precision[] not null,
    updated_at        timestamptz        not null,
    unique (exchange, pair, timeframe)
);

-- breaker.events not yet acknowledged by the broker: written with the state change, sent after the commit, and sent
-- again by the scheduled check if the process stopped in between (same event id, so consumers see it once).
create table outgoing_events (
    seq        bigserial    primary key,
    event_id   varchar(64)  not null unique,
    record_key varchar(300) not null,
    payload    text         not null,
    created_at timestamptz  not null
);
