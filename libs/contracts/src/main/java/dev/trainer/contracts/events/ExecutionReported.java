package dev.trainer.contracts.events;

import dev.trainer.contracts.Nullable;
import java.time.Instant;

/**
 * A fill reported by a paper or live trading layer for one trained configuration. Topic {@code executions}, key
 * {@code configId}, so one configuration's fills stay in order.
 *
 * @param market            the exchange and pair traded; the timeframe is the configuration's
 * @param side              BUY or SELL
 * @param expectedPrice     the price the strategy expected when it sent the order, quote currency
 * @param filledPrice       the average fill price, quote currency
 * @param quantity          filled quantity, base currency
 * @param latencyMs         from order sent to fill acknowledged, in milliseconds
 * @param realizedPnl       profit or loss realised by this fill, quote currency; null for a fill that opens or adds
 *                          to a position (only closing fills count as a win or a loss)
 * @param filledAt          when the exchange filled the order
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
        @Nullable Double realizedPnl,
        Instant filledAt) implements Event {

    public static final int SCHEMA_VERSION = 2;

    public static final String BUY = "BUY";
    public static final String SELL = "SELL";
}
