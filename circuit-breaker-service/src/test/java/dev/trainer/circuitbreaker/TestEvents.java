package dev.trainer.circuitbreaker;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.QualityReport;
import dev.trainer.contracts.events.SeriesRef;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Test events as the services upstream (and a trading layer) publish them. */
final class TestEvents {

    private TestEvents() {
    }

    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage) {
        return configTrained(configId, strategy, market, stage, new long[0], new double[0]);
    }

    static ConfigTrained configTrained(String configId, SeriesRef market, long[] dayStartsMs, double[] dailyReturns) {
        return configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY", dayStartsMs, dailyReturns);
    }

    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage,
            long[] dayStartsMs, double[] dailyReturns) {
        return new ConfigTrained(EventTypes.newEventId(), ConfigTrained.SCHEMA_VERSION, Instant.now(), configId,
                "job-" + configId, "user-1", strategy, market, Map.of("fast", 5.0, "slow", 40.0),
                Map.of("trade_count", 50.0), Map.of("trade_count", 40L, "net_profit_fraction", 0.03),
                Map.of("p_value", 0.04), stage, List.of("a reason"), "fp-1", 0.98, "test", 42L, "random",
                "walk_forward", 100, Map.of("version", "V3"), dayStartsMs, dailyReturns);
    }

    /** A fill at price 100 of quantity 1. */
    static ExecutionReported fill(String configId, SeriesRef market, String side, long latencyMs, Double realisedPnl,
            Instant filledAt) {
        return fill(configId, market, side, 100.0, latencyMs, realisedPnl, filledAt);
    }

    static ExecutionReported fill(String configId, SeriesRef market, String side, double filledPrice, long latencyMs,
            Double realisedPnl, Instant filledAt) {
        return new ExecutionReported(EventTypes.newEventId(), ExecutionReported.SCHEMA_VERSION, Instant.now(), configId,
                market, side, filledPrice, filledPrice, 1.0, latencyMs, realisedPnl, filledAt);
    }

    /** One chunk of clean candles; high and low span open and close, volume 1. */
    static CleanCandlesChunk candles(SeriesRef series, long[] openTimesMs, double[] opens, double[] closes) {
        int n = openTimesMs.length;
        double[] high = new double[n];
        double[] low = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            high[i] = Math.max(opens[i], closes[i]);
            low[i] = Math.min(opens[i], closes[i]);
            volume[i] = 1;
        }
        QualityReport report = null;
        return new CleanCandlesChunk(EventTypes.newEventId(), CleanCandlesChunk.SCHEMA_VERSION, Instant.now(),
                "job-test", series, "fp-" + series.key(), 1.0, report, 0, 1,
                new CandleColumns(openTimesMs, opens, high, low, closes, volume), new int[n]);
    }

    /** Candles whose open is the previous close (the first opens at its close). */
    static CleanCandlesChunk candles(SeriesRef series, long[] openTimesMs, double[] closes, double previousClose) {
        double[] opens = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            opens[i] = i == 0 ? (previousClose > 0 ? previousClose : closes[0]) : closes[i - 1];
        }
        return candles(series, openTimesMs, opens, closes);
    }
}
