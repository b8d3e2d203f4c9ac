package dev.trainer.domain.strategy;

import dev.trainer.domain.indicators.SwingPoints;

import java.util.Arrays;

/**
 * LIQUIDITY_SWEEP_V3: price briefly pierces a key level where stops cluster, on a volume spike, and is rejected back
 * through the level; trade the rejection. Sweeps of support go long, sweeps of resistance go short.
 *
 * <p>At the close of bar i, with L = key_level_lookback:
 * <ol>
 *   <li>Key levels: swing lows (highs) of order 3 inside the window [i - L, i - 1], i.e. swing bars k with
 *   i - L + 3 &lt;= k &lt;= i - 4 (their three right neighbours are closed before bar i), that were touched at least
 *   {@code min_level_touches} times in the window: bars whose low (high) lies within 0.25 ATR(14)[i-1] of the level,
 *   the swing bar included.</li>
 *   <li>Sweep of support at bar i: low[i] &lt; level and (level - low[i]) / level &lt;= pierce_depth (a shallow pierce;
 *   a deep one is a breakdown, not a stop hunt), with volume[i] &gt; volume_spike_threshold * mean volume of the 20
 *   bars before i. Of the qualifying levels the lowest is kept (the easiest to reclaim). Resistance mirrors it.</li>
 *   <li>Rejection: the first bar j in [i, i + rejection_candles - 1] whose candle is bullish (bearish for
 *   resistance) with a body &gt;= reversal_candle_size * ATR(14)[j] and closes back above (below) the level.</li>
 *   <li>Entry at the close of j (filled at the open of j + 1). The plan's sketch looked at the reversal candle AFTER
 *   the bar it entered on, which is lookahead; here the entry waits for the reversal candle to close.</li>
 *   <li>Stop at stop_distance * ATR(14)[j] from the fill bar's open, target at target_multiple times that distance;
 *   no exit signal (positions end at the stop, the target, the holding limit or the end of data).</li>
 * </ol>
 * No sweep is recognised before bar index max(L, 20).
 *
 * <p>Speed: the work is split by which parameters it depends on and cached in the prepared series, so that a grid
 * recomputes only what changed: the nearest touched level per (L, touches), sweeps per (+ depth, volume), entries
 * per (+ rejection, reversal size); stop and target distances are applied per backtest. The parameter-dependent
 * caches are soft (see {@link PreparedSeries#memoSoft}).
 */
public final class LiquiditySweepStrategy implements TradingStrategy {

    public static final String NAME = "LIQUIDITY_SWEEP_V3";
    static final int SWING_ORDER = 3;
    static final int ATR_PERIOD = 14;
    static final int VOLUME_PERIOD = 20;
    static final double TOUCH_TOLERANCE_ATR = 0.25;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Long after a shallow, high-volume pierce below a touched swing-low level is rejected by a large bullish "
                + "candle closing back above it (short for resistance); stop and target in ATR multiples.";
    }

    /** The plan's grid (201,600 points) plus min_level_touches fixed at 2. */
    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("pierce_depth", 0.0005, 0.001, 0.002, 0.003, 0.004, 0.005)
                .values("rejection_candles", 1, 2, 3, 4, 5)
                .values("volume_spike_threshold", 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0)
                .values("reversal_candle_size", 0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0)
                .values("key_level_lookback", 20, 50, 100, 150, 200)
                .values("min_level_touches", 2)
                .values("stop_distance", 0.5, 1.0, 1.5, 2.0)
                .values("target_multiple", 1.5, 2.0, 2.5, 3.0, 3.5, 4.0)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        ParameterChecks.within(p, "pierce_depth", 0, 0.5);
        ParameterChecks.intAtLeast(p, "rejection_candles", 1);
        ParameterChecks.positive(p, "volume_spike_threshold");
        ParameterChecks.nonNegative(p, "reversal_candle_size");
        int lookback = ParameterChecks.intAtLeast(p, "key_level_lookback", 2 * SWING_ORDER + 2);
        int touches = ParameterChecks.intAtLeast(p, "min_level_touches", 1);
        if (touches > lookback) {
            throw new IllegalArgumentException("parameter 'min_level_touches' (" + touches
                    + ") cannot exceed 'key_level_lookback' (" + lookback + ")");
        }
        ParameterChecks.positive(p, "stop_distance");
        ParameterChecks.positive(p, "target_multiple");
    }

    /** Parameters the level search depends on. */
    private record LevelKey(int lookback, int touches) {
    }

    private record SweepKey(LevelKey levels, double depth, double volumeSpike) {
    }

    private record EntryKey(SweepKey sweeps, int rejection, double reversalSize) {
    }

    /**
     * Per bar i: the nearest touched swing-low level strictly above low[i] and the nearest touched swing-high level
     * strictly below high[i] (NaN if none). Because the pierce (level - low) / level grows with the level, the nearest
     * level is the only candidate for a sweep of any depth: storing it alone keeps the cache at two doubles per bar
     * whatever the lookback.
     */
    private record NearestLevels(double[] supportAbove, double[] resistanceBelow) {
    }

    /** Sweep events in bar order. */
    private record Sweeps(int[] bars, double[] levels, byte[] sides) {
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        LevelKey lk = new LevelKey(p.getInt("key_level_lookback"), p.getInt("min_level_touches"));
        SweepKey sk = new SweepKey(lk, p.get("pierce_depth"), p.get("volume_spike_threshold"));
        EntryKey ek = new EntryKey(sk, p.getInt("rejection_candles"), p.get("reversal_candle_size"));
        EntryList e = prepared.memoSoft(ek, () -> entries(prepared, ek));
        return Brackets.atrBrackets(e.bars(), e.sides(), e.atr(), p.get("stop_distance"), p.get("target_multiple"));
    }

    private EntryList entries(PreparedSeries prepared, EntryKey key) {
        Sweeps sweeps = prepared.memoSoft(key.sweeps(), () -> sweeps(prepared, key.sweeps()));
        var s = prepared.series();
        double[] open = s.openArray(), close = s.closeArray();
        double[] atr = prepared.atr(ATR_PERIOD);
        int n = s.size();
        int m = sweeps.bars().length;
        int[] bars = new int[m];
        byte[] sides = new byte[m];
        int count = 0;
        for (int q = 0; q < m; q++) {
            int i = sweeps.bars()[q];
            double level = sweeps.levels()[q];
            byte side = sweeps.sides()[q];
            int last = Math.min(n - 1, i + key.rejection() - 1);
            for (int j = i; j <= last; j++) {
                double body = side * (close[j] - open[j]);
                if (body > 0 && body >= key.reversalSize() * atr[j] && side * (close[j] - level) > 0) {
                    bars[count] = j;
                    sides[count] = side;
                    count++;
                    break;
                }
            }
        }
        // reversal bars of different sweeps can coincide or come out of order: sort by bar, keep the first per bar
        long[] packed = new long[count];
        for (int q = 0; q < count; q++) {
            packed[q] = ((long) bars[q] << 32) | (q & 0xffffffffL);
        }
        Arrays.sort(packed);
        int[] outBars = new int[count];
        byte[] outSides = new byte[count];
        double[] outAtr = new double[count];
        int u = 0;
        for (int q = 0; q < count; q++) {
            int bar = (int) (packed[q] >>> 32);
            int src = (int) packed[q];
            if (u > 0 && outBars[u - 1] == bar) {
                continue;
            }
            outBars[u] = bar;
            outSides[u] = sides[src];
            outAtr[u] = atr[bar];
            u++;
        }
        return new EntryList(Arrays.copyOf(outBars, u), Arrays.copyOf(outSides, u), Arrays.copyOf(outAtr, u));
    }

    private Sweeps sweeps(PreparedSeries prepared, SweepKey key) {
        NearestLevels levels = prepared.memo(key.levels(), () -> nearestLevels(prepared, key.levels()));
        var s = prepared.series();
        double[] low = s.lowArray(), high = s.highArray(), volume = s.volumeArray();
        double[] avgVolume = prepared.volumeMeanBefore(VOLUME_PERIOD);
        double depth = key.depth();
        int n = volume.length;
        IntBuffer bars = new IntBuffer();
        double[] lv = new double[16];
        byte[] sd = new byte[16];
        int count = 0;
        for (int i = 0; i < n; i++) {
            double avg = avgVolume[i];
            // zero mean volume (dead data) must not turn any trade into a "spike"
            if (!(avg > 0) || !(volume[i] > key.volumeSpike() * avg)) {
                continue;
            }
            double sup = levels.supportAbove()[i], res = levels.resistanceBelow()[i];
            boolean s1 = sup - low[i] <= depth * sup; // false for NaN
            boolean r1 = high[i] - res <= depth * res;
            // a bar sweeping both sides is noise, not a sweep
            if (s1 == r1) {
                continue;
            }
            if (count == lv.length) {
                lv = Arrays.copyOf(lv, count * 2);
                sd = Arrays.copyOf(sd, count * 2);
            }
            bars.add(i);
            lv[count] = s1 ? sup : res;
            sd[count] = s1 ? SignalSet.LONG : SignalSet.SHORT;
            count++;
        }
        return new Sweeps(bars.toArray(), Arrays.copyOf(lv, count), Arrays.copyOf(sd, count));
    }

    private static NearestLevels nearestLevels(PreparedSeries prepared, LevelKey key) {
        var s = prepared.series();
        double[] low = s.lowArray(), high = s.highArray();
        double[] atr = prepared.atr(ATR_PERIOD);
        boolean[] swingLow = prepared.memo("swing_lows_" + SWING_ORDER, () -> SwingPoints.lows(low, SWING_ORDER));
        boolean[] swingHigh = prepared.memo("swing_highs_" + SWING_ORDER, () -> SwingPoints.highs(high, SWING_ORDER));
        int n = s.size();
        int lookback = key.lookback();
        double[] support = new double[n], resistance = new double[n];
        Arrays.fill(support, Double.NaN);
        Arrays.fill(resistance, Double.NaN);
        SortedWindow lowWindow = new SortedWindow(lookback), highWindow = new SortedWindow(lookback);
        int first = Math.max(lookback, VOLUME_PERIOD);
        for (int i = 0; i < n; i++) {
            // window for bar i: [i - lookback, i - 1]; slide it to include bar i - 1
            if (i >= 1) {
                lowWindow.add(low[i - 1]);
                highWindow.add(high[i - 1]);
                if (i - 1 - lookback >= 0) {
                    lowWindow.remove(low[i - 1 - lookback]);
                    highWindow.remove(high[i - 1 - lookback]);
                }
            }
            if (i < first || !(atr[i - 1] > 0)) {
                continue;
            }
            double tol = TOUCH_TOLERANCE_ATR * atr[i - 1];
            double bestSupport = Double.POSITIVE_INFINITY, bestResistance = Double.NEGATIVE_INFINITY;
            // swings whose three right neighbours closed before bar i
            for (int k = i - lookback + SWING_ORDER; k <= i - 1 - SWING_ORDER; k++) {
                if (swingLow[k]) {
                    double level = low[k];
                    // touches are counted only for levels that could beat the best so far
                    if (level > low[i] && level < bestSupport
                            && lowWindow.countBetween(level - tol, level + tol) >= key.touches()) {
                        bestSupport = level;
                    }
                }
                if (swingHigh[k]) {
                    double level = high[k];
                    if (level < high[i] && level > bestResistance
                            && highWindow.countBetween(level - tol, level + tol) >= key.touches()) {
                        bestResistance = level;
                    }
                }
            }
            if (bestSupport != Double.POSITIVE_INFINITY) {
                support[i] = bestSupport;
            }
            if (bestResistance != Double.NEGATIVE_INFINITY) {
                resistance[i] = bestResistance;
            }
        }
        return new NearestLevels(support, resistance);
    }

    /** The values of a sliding window kept sorted, to count values in a band with two binary searches. */
    static final class SortedWindow {
        private final double[] v;
        private int size;

        SortedWindow(int capacity) {
            v = new double[capacity + 1];
        }

        void add(double x) {
            int at = lowerBound(x);
            System.arraycopy(v, at, v, at + 1, size - at);
            v[at] = x;
            size++;
        }

        void remove(double x) {
            int at = lowerBound(x);
            System.arraycopy(v, at + 1, v, at, size - at - 1);
            size--;
        }

        int countBetween(double lo, double hi) {
            return upperBound(hi) - lowerBound(lo);
        }

        private int lowerBound(double x) {
            int a = 0, b = size;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (v[mid] < x) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            return a;
        }

        private int upperBound(double x) {
            int a = 0, b = size;
            while (a < b) {
                int mid = (a + b) >>> 1;
                if (v[mid] <= x) {
                    a = mid + 1;
                } else {
                    b = mid;
                }
            }
            return a;
        }
    }
}
