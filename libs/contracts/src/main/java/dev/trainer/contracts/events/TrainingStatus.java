package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.Map;

/**
 * What a step did with a job, for progress and for failures that must reach the job's owner.
 * Topic {@code training.status}, key {@code jobId}.
 *
 * @param service the reporting service
 * @param market  the market concerned, or null for the whole job
 * @param state   e.g. MARKET_LOADED, MARKET_WARNING, MARKET_REJECTED, MARKET_FAILED, PROGRESS, MARKET_OPTIMIZED, CONFIG_STORED
 * @param details numbers that go with the state (counts, fractions), keyed with their units
 */
public record TrainingStatus(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        String service,
        @Nullable SeriesRef market,
        String state,
        @Nullable String message,
        @Nullable Map<String, Object> details) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
