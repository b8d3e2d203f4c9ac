package dev.trainer.validation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.OptimizationCompleted.Window;
import dev.trainer.domain.lifecycle.SignificanceGate;
import dev.trainer.validation.service.ValidationOutcome;
import dev.trainer.validation.service.Validator;
import dev.trainer.validation.service.WalkForwardAggregates;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregation's edge cases, without Quarkus. */
class WalkForwardAggregatesTest {

    @Test
    void noWindowsGiveUndefinedMetricsWithReasonsAndPaper() {
        OptimizationCompleted empty = withWindows(List.of());
        ValidationOutcome outcome = new Validator(SignificanceGate.none()).validate(empty);
        Map<String, Object> oos = outcome.outOfSampleMetrics();
        assertEquals(0L, oos.get("trade_count"));
        assertNull(oos.get("net_profit_fraction"));
        assertEquals("no validation windows", oos.get("net_profit_fraction_undefined_reason"));
        assertNull(oos.get("sharpe_daily"));
        assertEquals("fewer than 2 out-of-sample days", oos.get("sharpe_daily_undefined_reason"));
        assertNull(outcome.statistics().get("p_value"));
        assertTrue(outcome.statistics().get("p_value_undefined_reason") instanceof String);
        assertNull(outcome.statistics().get("overfit"));
        assertEquals("PAPER", outcome.stage());
        assertTrue(outcome.reasons().stream().anyMatch(r -> r.contains("Sharpe ratio is undefined")), outcome.reasons().toString());
    }

    @Test
    void flatDailyReturnsHaveNoSharpe() {
        Window w = window(Map.of("net_profit_fraction", 0.0, "trade_count", 0), new double[] {0.001, 0.001, 0.001, 0.001},
                new double[0]);
        WalkForwardAggregates wf = new WalkForwardAggregates(List.of(w));
        assertEquals("out-of-sample daily returns do not vary", wf.sharpeDaily().reason());
        assertEquals("no out-of-sample trades", wf.grossWinRateFraction().reason());
    }

    @Test
    void aWindowWithoutNetProfitCompoundsItsDailyReturnsAndTradesAreCountedFromReturns() {
        Window w = window(Map.of(), new double[] {0.01, -0.005, 0.02}, new double[] {0.01, -0.005, 0.02});
        WalkForwardAggregates wf = new WalkForwardAggregates(List.of(w, w));
        double perWindow = 1.01 * 0.995 * 1.02 - 1;
        assertEquals(Math.pow(1 + perWindow, 2) - 1, wf.netProfitFraction().value(), 1e-12);
        assertEquals(6, wf.tradeCount());
        assertEquals(4.0 / 6.0, wf.grossWinRateFraction().value(), 1e-12);
        // equity 1.01, 1.00495, ...: the worst fall from a peak is the -0.5 % day
        assertEquals(0.005, wf.maxDrawdownFraction().value(), 1e-12);
        assertEquals("window 0 lacks an in- or out-of-sample net_profit_fraction", wf.walkForwardEfficiencyRatio().reason());
    }

    @Test
    void eachOutOfSampleDayIsDatedFromTheDayItsTestSliceStarts() {
        Instant first = Instant.parse("2024-04-06T13:00:00Z");
        Instant second = Instant.parse("2024-05-20T00:00:00Z");
        Window a = new Window(0, first.minusSeconds(86_400 * 30), first, first, first.plusSeconds(86_400 * 2),
                Map.of("x", 1.0), 0.0, Map.of(), new double[0], Map.of(), new double[] {0.01, 0.02, 0.03}, new double[0]);
        Window b = new Window(1, second.minusSeconds(86_400 * 30), second, second, second.plusSeconds(86_400),
                Map.of("x", 1.0), 0.0, Map.of(), new double[0], Map.of(), new double[] {-0.01}, new double[0]);
        WalkForwardAggregates wf = new WalkForwardAggregates(List.of(a, b));
        long day = 86_400_000L;
        long april6 = Instant.parse("2024-04-06T00:00:00Z").toEpochMilli();
        assertArrayEquals(new long[] {april6, april6 + day, april6 + 2 * day, second.toEpochMilli()}, wf.dayStartsMs());
        assertArrayEquals(new double[] {0.01, 0.02, 0.03, -0.01}, wf.dailyReturns());
    }

    private static Window window(Map<String, Object> outOfSample, double[] daily, double[] trades) {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        return new Window(0, t, t.plusSeconds(86_400 * 90), t.plusSeconds(86_400 * 97), t.plusSeconds(86_400 * 127),
                Map.of("x", 1.0), 0.0, Map.of(), new double[0], outOfSample, daily, trades);
    }

    private static OptimizationCompleted withWindows(List<Window> windows) {
        return new OptimizationCompleted("e", 1, Instant.now(), "j", "u",
                new dev.trainer.contracts.events.SeriesRef("x", "A/B", "1h"), "S", "grid", "net_profit", 1, "fp", 1.0,
                "walk_forward", 0, null, null, Map.of("x", 1.0), windows);
    }
}
