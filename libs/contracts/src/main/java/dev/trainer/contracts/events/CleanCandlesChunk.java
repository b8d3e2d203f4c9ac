package dev.trainer.contracts.events;

import java.time.Instant;

/**
 * One chunk of a series that passed the data-quality gate, after cleaning. Topic {@code candles.clean},
 * key {@link SeriesRef#key()}. {@code qualityFlags} holds one bit mask per candle (see {@link QualityFlags}; synthetic
 * candles carry {@link QualityFlags#SYNTHETIC}); {@code fingerprint} is the SHA-256 of the whole cleaned series and
 * {@code qualityScore} the valid fraction of its candles (0..1, {@link QualityReport#qualityScore()}), both carried
 * into every configuration trained on it.
 */
public record CleanCandlesChunk(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        SeriesRef series,
        String fingerprint,
        double qualityScore,
        QualityReport report,
        int chunkIndex,
        int chunkCount,
        CandleColumns candles,
        int[] qualityFlags) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
