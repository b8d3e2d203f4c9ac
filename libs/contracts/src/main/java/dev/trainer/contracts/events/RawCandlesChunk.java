package dev.trainer.contracts.events;

import java.time.Instant;

/**
 * One chunk of the candles that market-data holds for a series and a training job, as stored, before
 * any check. Topic {@code candles.raw}, key {@link SeriesRef#key()} so that a series' chunks stay in order.
 * The chunks of one (job, series) are numbered 0 .. chunkCount-1; a series with no candles in the requested
 * period is sent as one empty chunk so the next step still learns of it.
 */
public record RawCandlesChunk(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        SeriesRef series,
        Instant periodFrom,
        Instant periodUntil,
        int chunkIndex,
        int chunkCount,
        CandleColumns candles) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
