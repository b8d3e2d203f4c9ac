package dev.trainer.contracts.events;

import java.time.Instant;

/**
 * A fill reported by a paper or live trading layer. Topic {@code executions}, key {@code configId}.
 *
 * @param side              BUY or SELL
 * @param latencyMs         from order sent to fill acknowledged, in milliseconds
 * @param realizedPnl       profit or loss realised by this fill, in quote currency
 */
public record ExecutionReported(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String configId,
        SeriesRef market,
        String side,
        double expectedPrice,
        double filledPrice,
        double quantity,
        long latencyMs,
        double realizedPnl,
        Instant filledAt) implements Event {

    public static final int SCHEMA_VERSION = 1;
}
