package dev.trainer.domain.strategy;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.trainer.domain.testing.SeriesFixtures.START_MS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hand-built price patterns: each strategy must enter exactly where its rules say, and nowhere else. */
class PatternStrategiesTest {

    private static CandleSeries series(List<double[]> bars) {
        List<Candle> candles = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            double[] b = bars.get(i);
            candles.add(new Candle(START_MS + i * 60_000L, b[0], b[1], b[2], b[3], b[4]));
        }
        return CandleSeries.of(Timeframe.M1, candles);
    }

    /**
     * Quiet range (lows 101, highs 102) with swing lows at 100.00 (bar 30) and 100.02 (bar 40); bar 50 pierces to
     * 99.9 on ten times the volume and closes bearish at 100.3; bar 51 is a bullish candle closing at 101.8.
     */
    private static List<double[]> supportSweep() {
        List<double[]> bars = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            bars.add(new double[] {101.5, 102, 101, 101.5, 10});
        }
        bars.set(30, new double[] {101.5, 102, 100.0, 101.5, 10});
        bars.set(40, new double[] {101.5, 102, 100.02, 101.5, 10});
        bars.set(50, new double[] {101.5, 101.6, 99.9, 100.3, 100});
        bars.set(51, new double[] {100.3, 101.9, 100.2, 101.8, 12});
        return bars;
    }

    /** The same pattern upside down: a sweep of resistance. */
    private static List<double[]> mirrored(List<double[]> bars) {
        List<double[]> out = new ArrayList<>();
        for (double[] b : bars) {
            out.add(new double[] {203 - b[0], 203 - b[2], 203 - b[1], 203 - b[3], b[4]});
        }
        return out;
    }

    private static ParameterSet sweepParams(Object... overrides) {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("pierce_depth", 0.002);
        m.put("rejection_candles", 2);
        m.put("volume_spike_threshold", 3.0);
        m.put("reversal_candle_size", 0.5);
        m.put("key_level_lookback", 50);
        m.put("min_level_touches", 2);
        m.put("stop_distance", 1.0);
        m.put("target_multiple", 2.0);
        for (int i = 0; i < overrides.length; i += 2) {
            m.put((String) overrides[i], (Number) overrides[i + 1]);
        }
        return ParameterSet.of(m);
    }

    private static SignalSet sweepSignals(List<double[]> bars, ParameterSet p) {
        TradingStrategy s = StrategyCatalog.get("LIQUIDITY_SWEEP_V3");
        s.validate(p);
        return s.signals(s.prepare(series(bars)), p);
    }

    @Test
    void liquiditySweepEntersAfterTheReversalCandleHasClosed() {
        SignalSet signals = sweepSignals(supportSweep(), sweepParams());
        assertArrayEquals(new int[] {51}, signals.entryBarArray());
        assertEquals(SignalSet.LONG, signals.entrySide(0));
        double atr51 = PreparedSeries.of(series(supportSweep())).atr(14)[51];
        assertEquals(atr51, signals.stopDistance(0), 1e-12);
        assertEquals(2 * atr51, signals.targetDistance(0), 1e-12);

        SignalSet shortSignals = sweepSignals(mirrored(supportSweep()), sweepParams());
        assertArrayEquals(new int[] {51}, shortSignals.entryBarArray());
        assertEquals(SignalSet.SHORT, shortSignals.entrySide(0));
    }

    @Test
    void liquiditySweepRespectsEachCondition() {
        // the sweep bar itself is bearish: a one-candle rejection window finds no reversal
        assertEquals(0, sweepSignals(supportSweep(), sweepParams("rejection_candles", 1)).entryCount());
        // 99.9 is 0.1 % below 100: deeper than a 0.05 % pierce allows
        assertEquals(0, sweepSignals(supportSweep(), sweepParams("pierce_depth", 0.0005)).entryCount());
        // each level has been touched twice, not three times
        assertEquals(0, sweepSignals(supportSweep(), sweepParams("min_level_touches", 3)).entryCount());
        // volume 100 against a mean of 10 is a spike of 10, not more
        assertEquals(0, sweepSignals(supportSweep(), sweepParams("volume_spike_threshold", 10.0)).entryCount());
        assertEquals(1, sweepSignals(supportSweep(), sweepParams("volume_spike_threshold", 9.5)).entryCount());
        // body 1.5 is about 1.4 ATR
        assertEquals(0, sweepSignals(supportSweep(), sweepParams("reversal_candle_size", 2.0)).entryCount());
        // the level at bar 40 lies in a 20-bar window as well
        assertEquals(1, sweepSignals(supportSweep(), sweepParams("key_level_lookback", 20)).entryCount());
        // a reversal that does not close back above the level is no rejection
        List<double[]> weak = supportSweep();
        weak.set(51, new double[] {98.0, 99.95, 97.9, 99.95, 12});
        assertEquals(0, sweepSignals(weak, sweepParams()).entryCount());
    }

    @Test
    void liquiditySweepDefaultGridIsThePlans() {
        ParameterSpace space = StrategyCatalog.get("LIQUIDITY_SWEEP_V3").defaultSpace();
        assertEquals(6L * 5 * 8 * 7 * 5 * 4 * 6, space.gridSize());
        assertEquals(201_600, space.gridSize());
        var e = assertThrows(IllegalArgumentException.class, () -> StrategyCatalog.get("LIQUIDITY_SWEEP_V3")
                .validate(sweepParams("rejection_candles", 0)));
        assertTrue(e.getMessage().contains("rejection_candles"));
    }

    @Test
    void failedBreakdownBuysTheReclaim() {
        List<double[]> bars = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bars.add(new double[] {101, 101.5, 100.5, 101, 10});
        }
        bars.set(10, new double[] {101, 101.5, 100, 101, 10});
        bars.set(30, new double[] {100.6, 100.7, 99.3, 99.5, 10}); // closes below the range low of 100
        bars.set(31, new double[] {99.5, 99.9, 99.4, 99.8, 10}); // still below
        bars.set(32, new double[] {99.8, 100.6, 99.7, 100.4, 10}); // back above 100: reclaim
        TradingStrategy s = StrategyCatalog.get("FAILED_BREAKDOWN_V3");
        PreparedSeries prepared = s.prepare(series(bars));
        Map<String, Number> m = new LinkedHashMap<>(Map.of("range_lookback", 25, "min_breakdown_depth", 0.001,
                "reclaim_candles", 2, "stop_distance", 1.0, "target_multiple", 2.0));
        assertArrayEquals(new int[] {32}, s.signals(prepared, ParameterSet.of(m)).entryBarArray());
        m.put("reclaim_candles", 1);
        assertEquals(0, s.signals(prepared, ParameterSet.of(m)).entryCount());
        m.put("reclaim_candles", 2);
        m.put("min_breakdown_depth", 0.01); // 99.5 is only 0.5 % below 100
        assertEquals(0, s.signals(prepared, ParameterSet.of(m)).entryCount());
    }

    @Test
    void capitulationBuysTheHighVolumeWickAfterADecline() {
        List<double[]> bars = new ArrayList<>();
        double p = 120;
        for (int i = 0; i < 30; i++) {
            bars.add(new double[] {p, p + 0.5, p - 0.5, p, 10});
        }
        for (int i = 30; i < 40; i++) { // ten falling bars, 1 per bar
            p -= 1;
            bars.add(new double[] {p + 1, p + 1.2, p - 0.2, p, 10});
        }
        // bar 40: falls 2 more, then recovers: long lower wick, volume 50
        bars.add(new double[] {p, p + 0.2, p - 2, p - 0.3, 50});
        for (int i = 41; i < 50; i++) {
            bars.add(new double[] {p, p + 0.5, p - 0.5, p, 10});
        }
        TradingStrategy s = StrategyCatalog.get("CAPITULATION_REVERSAL_V3");
        PreparedSeries prepared = s.prepare(series(bars));
        Map<String, Number> m = new LinkedHashMap<>(Map.of("decline_lookback", 10, "decline_atr_multiple", 5,
                "volume_spike_threshold", 3, "wick_fraction", 0.5, "stop_distance", 1.0, "target_multiple", 2.0));
        assertArrayEquals(new int[] {40}, s.signals(prepared, ParameterSet.of(m)).entryBarArray());
        m.put("volume_spike_threshold", 5); // 50 vs a mean of 10 is not more than 5x
        assertEquals(0, s.signals(prepared, ParameterSet.of(m)).entryCount());
        m.put("volume_spike_threshold", 3);
        m.put("wick_fraction", 0.9); // wick 1.7 of a 2.2 range
        assertEquals(0, s.signals(prepared, ParameterSet.of(m)).entryCount());
    }

    @Test
    void supplyShockFollowsTheBurstInItsDirection() {
        List<double[]> bars = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            bars.add(new double[] {100, 100.5, 99.5, 100, 10});
        }
        bars.set(30, new double[] {100, 102.6, 99.9, 102.5, 60}); // bullish burst closing near the high
        bars.set(35, new double[] {100, 100.1, 97.4, 97.5, 60}); // bearish burst closing near the low
        TradingStrategy s = StrategyCatalog.get("SUPPLY_SHOCK_V3");
        PreparedSeries prepared = s.prepare(series(bars));
        Map<String, Number> m = new LinkedHashMap<>(Map.of("volume_spike_threshold", 4, "body_atr_multiple", 1.5,
                "close_location", 0.9, "stop_distance", 1.0, "target_multiple", 2.0));
        SignalSet signals = s.signals(prepared, ParameterSet.of(m));
        assertArrayEquals(new int[] {30, 35}, signals.entryBarArray());
        assertEquals(SignalSet.LONG, signals.entrySide(0));
        assertEquals(SignalSet.SHORT, signals.entrySide(1));
        m.put("volume_spike_threshold", 6);
        assertEquals(0, s.signals(prepared, ParameterSet.of(m)).entryCount(), Arrays.toString(
                s.signals(prepared, ParameterSet.of(m)).entryBarArray()));
    }
}
