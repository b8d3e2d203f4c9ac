-- Circuit breakers pause configurations (docs/REGISTRY.md, "Paused by circuit breakers"): the PAUSED stage, the
-- stage a paused configuration goes back to, and the tripped breakers holding each configuration.

-- PAUSED is off the ladder; the Java side of the list is dev.trainer.configregistry.lifecycle.Stage.
alter domain lifecycle_stage_name drop constraint lifecycle_stage_name_known;
alter domain lifecycle_stage_name add constraint lifecycle_stage_name_known
    check (value in ('PAPER', 'DISCOVERY', 'VALIDATION', 'MATURE', 'DECAY', 'RETIRED', 'PAUSED'));

-- The stage a PAUSED configuration had when it was paused, and returns to when no tripped breaker covers it any
-- more; null unless PAUSED. Never PAUSED or RETIRED itself: a paused configuration is not paused again, and a
-- retired one is not paused at all.
alter table trained_configurations
    add column paused_from_stage lifecycle_stage_name,
    add constraint trained_configurations_paused_from_stage
        check ((lifecycle_stage = 'PAUSED') = (paused_from_stage is not null)
               and coalesce(paused_from_stage not in ('PAUSED', 'RETIRED'), true));

-- One row per configuration and tripped (breaker, scope) that covers it, from the breaker's TRIPPED event on
-- breaker.events until its ARMED event. No foreign key to trained_configurations: topics are not ordered with each
-- other, so a pause can arrive before its configuration, which is then registered PAUSED.
--   measured_value, threshold  what tripped the breaker and the threshold in force, both in unit (null if the event
--                              gave none)
--   since                      when the breaker tripped (the event's occurredAt)
create table breaker_pauses (
    config_id      varchar(64)  not null,
    breaker        varchar(64)  not null check (btrim(breaker) <> ''),
    scope          varchar(300) not null check (btrim(scope) <> ''),
    reason         text,
    measured_value double precision,
    threshold      double precision,
    unit           varchar(100),
    since          timestamptz  not null,
    primary key (config_id, breaker, scope)
);

-- an ARMED event lifts the pauses of its (breaker, scope) for every configuration
create index breaker_pauses_breaker_scope on breaker_pauses (breaker, scope);

-- the history records the circuit breakers pausing a configuration and letting it resume
alter table lifecycle_transitions drop constraint lifecycle_transitions_action_check;
alter table lifecycle_transitions add constraint lifecycle_transitions_action_check
    check (action in ('assign', 'promote', 'demote', 'retire', 'pause', 'resume'));
