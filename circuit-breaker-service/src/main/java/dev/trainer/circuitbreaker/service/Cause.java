package dev.trainer.circuitbreaker.service;

/** Why a breaker.events record was sent (its {@code cause}). */
public enum Cause {
    /** A measurement reached the threshold: ARMED -> TRIPPED. */
    THRESHOLD_REACHED,
    /** A configuration arrived under a scope already TRIPPED; the event names only it. */
    NEW_CONFIGURATION,
    /** max_daily_loss re-armed when the UTC day rolled over. */
    DAILY_ROLLOVER,
    /** The breaker's cool-down elapsed. */
    COOL_DOWN_ELAPSED,
    /** Reset through REST, with an actor and a note. */
    MANUAL_RESET
}
