package dev.trainer.domain.strategy;

/**
 * FAILED_BREAKDOWN_V3: long only. Price closes below the low of its recent range (a breakdown that traps shorts and
 * triggers stops), then quickly closes back above it; buy the reclaim.
 *
 * <p>Breakdown bar b: close[b] &lt; L * (1 - {@code min_breakdown_depth}), where L is the lowest low of the
 * {@code range_lookback} bars before b. Reclaim: the first bar j in [b + 1, b + {@code reclaim_candles}] with
 * close[j] &gt; L. Entry at the close of j; stop {@code stop_distance} * ATR(14)[j] below the fill bar's open, target
 * {@code target_multiple} times the stop distance above it. Consecutive breakdown bars each carry their own level
 * (the range low as of that bar); several reclaims on one bar give one entry. No decision before bar
 * range_lookback + 1.
 */
public final class FailedBreakdownStrategy implements TradingStrategy {

    public static final String NAME = "FAILED_BREAKDOWN_V3";
    private static final int ATR_PERIOD = 14;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Long when price closes back above the range low within a few bars of closing below it; stop and "
                + "target in ATR multiples.";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("range_lookback", 20, 50, 100)
                .values("min_breakdown_depth", 0.0, 0.001, 0.003)
                .values("reclaim_candles", 1, 2, 3, 5)
                .values("stop_distance", 1.0, 1.5, 2.0)
                .values("target_multiple", 1.5, 2.0, 3.0)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        ParameterChecks.intAtLeast(p, "range_lookback", 2);
        ParameterChecks.nonNegative(p, "min_breakdown_depth");
        ParameterChecks.intAtLeast(p, "reclaim_candles", 1);
        ParameterChecks.positive(p, "stop_distance");
        ParameterChecks.positive(p, "target_multiple");
    }

    private record EntryKey(int lookback, double depth, int reclaim) {
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        EntryKey key = new EntryKey(p.getInt("range_lookback"), p.get("min_breakdown_depth"),
                p.getInt("reclaim_candles"));
        EntryList e = prepared.memoSoft(key, () -> entries(prepared, key));
        return Brackets.atrBrackets(e.bars(), e.sides(), e.atr(), p.get("stop_distance"), p.get("target_multiple"));
    }

    private static EntryList entries(PreparedSeries prepared, EntryKey key) {
        var s = prepared.series();
        double[] close = s.closeArray();
        double[] atr = prepared.atr(ATR_PERIOD);
        double[] rangeLow = prepared.lowestLowBefore(key.lookback());
        int n = s.size();
        // reclaim bar per breakdown, then sorted: reclaims of later breakdowns can come first
        boolean[] isEntry = new boolean[n];
        for (int b = key.lookback(); b < n; b++) {
            double level = rangeLow[b];
            if (!(close[b] < level * (1 - key.depth()))) {
                continue;
            }
            int last = Math.min(n - 1, b + key.reclaim());
            for (int j = b + 1; j <= last; j++) {
                if (close[j] > level) {
                    isEntry[j] = true;
                    break;
                }
            }
        }
        EntryList.Builder out = new EntryList.Builder();
        for (int j = 0; j < n; j++) {
            if (isEntry[j]) {
                out.add(j, SignalSet.LONG, atr[j]);
            }
        }
        return out.build();
    }
}
