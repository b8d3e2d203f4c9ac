-- Plan-scale jobs (issue 12). A window's round is no longer sent whole: at most a job's share of batches is in
-- flight, and sent_until_trial says how far the current round has gone out. The sweeper re-sends only what was sent
-- and is missing, a bounded number of times (resends, reset by progress); a step that keeps failing on a window
-- (failed_attempts, last_error) fails its market instead of being retried forever.
alter table validation_windows add column sent_until_trial integer;
update validation_windows set sent_until_trial = planned_trials;
alter table validation_windows alter column sent_until_trial set not null;
alter table validation_windows add column resends integer not null default 0;
alter table validation_windows add column failed_attempts integer not null default 0;
alter table validation_windows add column last_error text;

-- A market whose windows are all tested is 'finalising': its outcome (the overfitting estimate's replays, the
-- trials' Sharpe variance) is computed by a background finaliser outside any consumer's transaction, claimed with a
-- lease so that one replica works on it at a time, retried with backoff a bounded number of times.
alter table job_markets drop constraint job_markets_status_check;
alter table job_markets add constraint job_markets_status_check
    check (status in ('waiting', 'optimizing', 'finalising', 'completed', 'failed'));
alter table job_markets add column finalise_attempts integer not null default 0;
alter table job_markets add column next_attempt_at timestamptz;
alter table job_markets add column claimed_until timestamptz;
alter table job_markets add column started_at timestamptz;
alter table job_markets add column finished_at timestamptz;
create index idx_job_markets_finalising on job_markets (status, next_attempt_at) where status = 'finalising';
