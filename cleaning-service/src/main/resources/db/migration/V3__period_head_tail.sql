-- The requested period of each evaluated series and the candle times of it missing before the first and after the
-- last candle received (docs/DATA_QUALITY.md, "missing"): missing counts them too, and valid_fraction / valid_pct are
-- taken out of total + missing_head + missing_tail. Reports stored before this version did not count them: 0, and
-- no period.
alter table quality_reports
    add column period_from  timestamptz,
    add column period_until timestamptz,
    add column missing_head integer not null default 0 check (missing_head >= 0),
    add column missing_tail integer not null default 0 check (missing_tail >= 0);

alter table quality_reports
    alter column missing_head drop default,
    alter column missing_tail drop default;
