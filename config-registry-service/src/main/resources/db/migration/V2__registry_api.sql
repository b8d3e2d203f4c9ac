-- What the registry's REST API filters and sorts on, the RETIRED stage, and the audit trail of stage changes.

-- The stage names live in one domain, so a new stage (e.g. PAUSED) is one constraint to replace, for every column
-- that holds a stage. The Java side of the list is dev.trainer.configregistry.lifecycle.Stage.
create domain lifecycle_stage_name as varchar(16)
    constraint lifecycle_stage_name_known
        check (value in ('PAPER', 'DISCOVERY', 'VALIDATION', 'MATURE', 'DECAY', 'RETIRED'));

alter table trained_configurations drop constraint trained_configurations_lifecycle_stage_check;
alter table trained_configurations alter column lifecycle_stage type lifecycle_stage_name;

-- Statistics of skill against luck (docs/STATISTICS.md), copied out of the statistics jsonb so they can be
-- filtered, sorted and indexed. Null: not computed, or undefined (the reason stays in statistics).
--   probabilistic_sharpe_probability      PSR against a Sharpe ratio of 0: a probability, 0..1
--   deflated_sharpe_probability           DSR, the PSR against the best Sharpe ratio of the trials by luck: 0..1
--   probability_of_backtest_overfitting   PBO by combinatorially symmetric cross-validation: 0..1
--   minimum_track_record_length_days      out-of-sample days needed for the PSR to reach its confidence level
--   out_of_sample_days                    days of out-of-sample daily returns the statistics were computed on
-- The sample size of the API's minTrades filter is trade_count, the number of out-of-sample closed trades (V1).
alter table trained_configurations
    add column probabilistic_sharpe_probability    double precision,
    add column deflated_sharpe_probability         double precision,
    add column probability_of_backtest_overfitting double precision,
    add column minimum_track_record_length_days    double precision,
    add column out_of_sample_days                  integer;

-- configurations stored before this migration: their out-of-sample day count is in the metrics already
update trained_configurations
   set out_of_sample_days = (out_of_sample_metrics ->> 'day_count')::numeric::integer
 where jsonb_typeof(out_of_sample_metrics -> 'day_count') = 'number';

-- the list's range filters and sort keys (created_at has its index since V1)
create index trained_configurations_sharpe on trained_configurations (sharpe_daily);
create index trained_configurations_deflated_sharpe on trained_configurations (deflated_sharpe_probability);
create index trained_configurations_trades on trained_configurations (trade_count);
create index trained_configurations_net_profit on trained_configurations (net_profit_fraction);
create index trained_configurations_max_drawdown on trained_configurations (max_drawdown_fraction);
-- the market filters without a strategy (V1's market index leads with strategy)
create index trained_configurations_exchange_pair on trained_configurations (exchange, pair, timeframe);

-- Every stage a configuration has had, oldest first by transition_id: the validator's assignment ('assign', no
-- from_stage) and each manual promote, demote or retire, with who did it and why.
create table lifecycle_transitions (
    transition_id bigint generated always as identity primary key,
    config_id     varchar(64)          not null references trained_configurations (config_id),
    from_stage    lifecycle_stage_name,
    to_stage      lifecycle_stage_name not null,
    action        varchar(16)          not null check (action in ('assign', 'promote', 'demote', 'retire')),
    reason        text                 not null check (btrim(reason) <> ''),
    actor         varchar(100)         not null check (btrim(actor) <> ''),
    at            timestamptz          not null,
    check ((action = 'assign') = (from_stage is null))
);

create index lifecycle_transitions_config on lifecycle_transitions (config_id, transition_id);

-- configurations stored before this migration get their assignment as the first row, as new ones do
insert into lifecycle_transitions (config_id, from_stage, to_stage, action, reason, actor, at)
select config_id, null, lifecycle_stage, 'assign',
       'assigned by the validator: ' || coalesce(nullif((select string_agg(r, '; ')
                                                          from jsonb_array_elements_text(stage_reasons) as r), ''),
                                                 'no reasons given'),
       'validation-service', trained_at
  from trained_configurations
 order by created_at, config_id;
