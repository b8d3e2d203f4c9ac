package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A circuit breaker tripped or was reset for one scope. Topic {@code breaker.events}, key {@code scope}, so the changes
 * of one scope stay in order. The config registry pauses the configurations named in a TRIPPED event and releases them
 * when no tripped breaker covers them any more.
 *
 * @param breaker        the breaker's name as in the plan, e.g. max_daily_loss
 * @param scope          what the breaker watched: {@code portfolio}, {@code config:<configId>},
 *                       {@code market:<exchange>|<pair>} or {@code exchange:<exchange>}
 * @param state          ARMED or TRIPPED, after the change
 * @param previousState  ARMED or TRIPPED, before the change
 * @param cause          THRESHOLD_REACHED, NEW_CONFIGURATION (a configuration arrived under a scope already tripped;
 *                       {@code configIds} then names only it), DAILY_ROLLOVER, COOL_DOWN_ELAPSED or MANUAL_RESET
 * @param reason         a sentence a person can act on, e.g. "loss since 00:00 UTC is 2.31 % of the start-of-day value"
 * @param measuredValue  the value that tripped the breaker, in {@code unit}; null for a reset
 * @param threshold      the threshold in force for this scope, in {@code unit}
 * @param unit           what measuredValue and threshold are measured in, e.g. "fraction of portfolio value"
 * @param actor          who reset or overrode it (REST), or null when the service itself changed the state
 * @param configIds      the configurations this change pauses (TRIPPED) or may release (ARMED)
 */
public record BreakerStateChanged(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String breaker,
        String scope,
        String state,
        String previousState,
        String cause,
        @Nullable String reason,
        @Nullable Double measuredValue,
        @Nullable Double threshold,
        String unit,
        @Nullable String actor,
        List<String> configIds) implements Event {

    public static final int SCHEMA_VERSION = 2;

    public static final String ARMED = "ARMED";
    public static final String TRIPPED = "TRIPPED";
}
