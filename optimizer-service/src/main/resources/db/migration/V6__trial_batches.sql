-- The trial ledger by batch (issue 12, plan scale). One row per trial cost about 440 bytes with its index: the plan's
-- request (43.5 million trials) would have written about 19 GB, and inserting into an index far larger than the
-- buffer cache held up every batch. A row is now one batch of a window's trials, as the workers answer it: parameter
-- values, scores and summary metrics as flat double arrays (about 120 bytes a trial, no per-trial index entry). A
-- batch answered again has the same first trial and inserts nothing.
-- The per-trial ledger of earlier jobs stays readable as trials_v4; nothing reads it any more.
alter table trials rename to trials_v4;
alter table trials_v4 rename constraint trials_pkey to trials_v4_pkey;

create table trial_batches (
    job_id        varchar(64)  not null,
    market_key    varchar(120) not null,
    window_index  integer      not null,
    purpose       varchar(8)   not null check (purpose in ('SEARCH', 'TEST')),
    first_trial   integer      not null,
    trial_count   integer      not null check (trial_count > 0),
    -- trial-major: the values of trial first_trial + i at [i * p, (i + 1) * p), p = the window's parameter count
    parameters    double precision[] not null,
    -- NaN when the trial could not be scored or failed
    scores        double precision[] not null,
    -- metric-major: metric m of trial first_trial + i at m * trial_count + i, in the order of
    -- validation_windows.metric_names; NaN where undefined or failed
    metrics       double precision[] not null,
    -- the failed trials' messages by trial number (JSON object), null when none failed
    failures      jsonb,
    failed_count  integer      not null default 0,
    worker_id     varchar(120),
    primary key (job_id, market_key, window_index, purpose, first_trial)
);

-- Jobs still open cannot go on: their trials so far are in the per-trial ledger, which nothing reads any more.
update training_jobs set status = 'failed', completed_at = now(),
    error_message = 'interrupted by the upgrade to the trial ledger by batch (migration V6); submit the request again'
    where status in ('pending', 'running');
