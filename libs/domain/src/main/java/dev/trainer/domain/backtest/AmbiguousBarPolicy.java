package dev.trainer.domain.backtest;

/**
 * Which level counts as hit first when a single bar's range contains both the stop and the target. OHLC data cannot
 * tell; every such bar is counted in {@link Metrics#ambiguousBarCount()} whatever the policy.
 */
public enum AmbiguousBarPolicy {
    /** Pessimistic: the stop (the default; results can only be too bad, never too good). */
    STOP_FIRST,
    /** Optimistic: the target. Useful only to measure how much the ambiguity matters. */
    TARGET_FIRST,
    /** The level nearer to the bar's open (ties go to the stop). */
    NEARER_TO_OPEN_FIRST
}
