package dev.trainer.circuitbreaker.mapping;

import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.market.CandleEntryCheck;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.risk.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * What makes an input unusable, field by field. A consumer throws {@link InvalidInput} with all of them, so the record
 * goes to its dead-letter topic with the reason and changes nothing. Lengths are those of the tables.
 */
public final class InputChecks {

    static final int MAX_ID_CHARS = 64;
    static final int MAX_EXCHANGE_CHARS = 64;
    static final int MAX_PAIR_CHARS = 32;
    static final int MAX_TIMEFRAME_CHARS = 8;
    static final int MAX_STRATEGY_CHARS = 100;
    static final int MAX_STAGE_CHARS = 16;

    private InputChecks() {
    }

    public static void requireValid(ExecutionReported e) {
        List<String> problems = new ArrayList<>();
        if (e == null) {
            throw new InvalidInput("execution", List.of("the record is empty"));
        }
        text("eventId", e.eventId(), MAX_ID_CHARS, problems);
        text("configId", e.configId(), MAX_ID_CHARS, problems);
        market("market", e.market(), false, problems);
        try {
            Side.parse(e.side());
        } catch (IllegalArgumentException bad) {
            problems.add(bad.getMessage());
        }
        positive("expectedPrice", e.expectedPrice(), problems);
        positive("filledPrice", e.filledPrice(), problems);
        positive("quantity", e.quantity(), problems);
        if (e.latencyMs() < 0) {
            problems.add("latencyMs must be >= 0, got " + e.latencyMs());
        }
        if (e.realizedPnl() != null && !Double.isFinite(e.realizedPnl())) {
            problems.add("realizedPnl must be a finite number or null, got " + e.realizedPnl());
        }
        if (e.filledAt() == null) {
            problems.add("filledAt is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("execution " + e.eventId(), problems);
        }
    }

    /**
     * A chunk is refused whole when one of its candles is impossible ({@link CandleEntryCheck} as seen at
     * {@code nowMs}): a year-3000 candle would become its series' newest and hide every real candle after it.
     */
    public static void requireValid(CleanCandlesChunk chunk, long nowMs) {
        List<String> problems = new ArrayList<>();
        if (chunk == null) {
            throw new InvalidInput("candle chunk", List.of("the record is empty"));
        }
        text("eventId", chunk.eventId(), MAX_ID_CHARS, problems);
        market("series", chunk.series(), true, problems);
        CandleColumns c = chunk.candles();
        if (c == null || c.openTimeMs() == null || c.open() == null || c.high() == null || c.low() == null
                || c.close() == null || c.volume() == null) {
            problems.add("candles must have every column (openTimeMs, open, high, low, close, volume)");
        } else {
            try {
                c.requireConsistent();
                Timeframe timeframe = timeframe(chunk.series(), problems);
                String impossible = timeframe == null ? null : CandleEntryCheck.problem(c.openTimeMs(), c.open(), c.high(),
                        c.low(), c.close(), c.volume(), timeframe, nowMs);
                if (impossible != null) {
                    problems.add("candles: " + impossible);
                }
                if (chunk.qualityFlags() != null && chunk.qualityFlags().length != c.size()) {
                    problems.add("qualityFlags has " + chunk.qualityFlags().length + " entries for " + c.size()
                            + " candles");
                }
            } catch (IllegalArgumentException bad) {
                problems.add(bad.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInput("candle chunk " + chunk.eventId(), problems);
        }
    }

    public static void requireValid(ConfigTrained config) {
        List<String> problems = new ArrayList<>();
        if (config == null) {
            throw new InvalidInput("trained configuration", List.of("the record is empty"));
        }
        text("eventId", config.eventId(), MAX_ID_CHARS, problems);
        text("configId", config.configId(), MAX_ID_CHARS, problems);
        text("strategy", config.strategy(), MAX_STRATEGY_CHARS, problems);
        text("lifecycleStage", config.lifecycleStage(), MAX_STAGE_CHARS, problems);
        market("market", config.market(), true, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInput("trained configuration " + config.configId(), problems);
        }
    }

    private static void market(String field, SeriesRef ref, boolean needsTimeframe, List<String> problems) {
        if (ref == null) {
            problems.add(field + " is required");
            return;
        }
        text(field + ".exchange", ref.exchange(), MAX_EXCHANGE_CHARS, problems);
        text(field + ".pair", ref.pair(), MAX_PAIR_CHARS, problems);
        if (ref.exchange() != null && ref.exchange().contains("|")) {
            problems.add(field + ".exchange must not contain '|' (it separates exchange and pair in scopes)");
        }
        if (ref.pair() != null && ref.pair().contains("|")) {
            problems.add(field + ".pair must not contain '|' (it separates exchange and pair in scopes)");
        }
        if (needsTimeframe) {
            text(field + ".timeframe", ref.timeframe(), MAX_TIMEFRAME_CHARS, problems);
        }
    }

    private static Timeframe timeframe(SeriesRef series, List<String> problems) {
        if (series == null || series.timeframe() == null) {
            return null; // named by market() already
        }
        try {
            return Timeframe.parse(series.timeframe());
        } catch (IllegalArgumentException unknown) {
            problems.add("series.timeframe must be one of 1m, 5m, 15m, 1h, 4h, 1d");
            return null;
        }
    }

    private static void text(String field, String value, int maxChars, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required");
        } else if (value.length() > maxChars) {
            problems.add(field + " is longer than " + maxChars + " characters");
        }
    }

    private static void positive(String field, double value, List<String> problems) {
        if (!(value > 0) || !Double.isFinite(value)) {
            problems.add(field + " must be a finite number > 0, got " + value);
        }
    }

    /** An input no breaker can use; the message lists every problem. */
    public static final class InvalidInput extends IllegalArgumentException {

        InvalidInput(String what, List<String> problems) {
            super(what + " is invalid: " + String.join("; ", problems));
        }
    }
}
