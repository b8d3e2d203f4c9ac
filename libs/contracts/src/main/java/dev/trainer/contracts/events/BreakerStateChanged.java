package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.List;

/**
 * A circuit breaker tripped or was reset. Topic {@code breaker.events}, key {@code scope}.
 *
 * @param scope      PORTFOLIO or config:&lt;configId&gt;
 * @param breaker    the breaker's name as in the plan, e.g. max_daily_loss
 * @param state      ARMED or TRIPPED
 * @param configIds  the configurations this change pauses or releases
 */
public record BreakerStateChanged(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String scope,
        String breaker,
        String state,
        @Nullable String reason,
        Double measuredValue,
        Double threshold,
        List<String> configIds) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
