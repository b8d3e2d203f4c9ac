-- Adaptive searches (bayesian, cmaes) ask their trials in rounds: planned_trials grows by one round at a time, and
-- round_started_trial is the trial number the current round starts at. last_progress_at moves whenever a result is
-- recorded or requests are sent; a window whose results stop coming has its missing trials sent again.
alter table validation_windows add column round_started_trial integer not null default 0;
alter table validation_windows add column last_progress_at timestamptz not null default now();
create index idx_validation_windows_open on validation_windows (status, last_progress_at);
