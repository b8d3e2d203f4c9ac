package dev.trainer.domain.strategy;

/**
 * CAPITULATION_REVERSAL_V3: long only. A fast, deep decline ends in a high-volume bar whose long lower wick shows
 * that the last sellers were absorbed; buy that bar's close.
 *
 * <p>Capitulation bar i (decided at its close):
 * <ol>
 *   <li>decline: highest high of the {@code decline_lookback} bars before i minus low[i] &gt;=
 *   {@code decline_atr_multiple} * ATR(14)[i-1] (ATR before the crash, so the crash does not inflate its own
 *   yardstick);</li>
 *   <li>volume[i] &gt; {@code volume_spike_threshold} * mean volume of the 20 bars before i;</li>
 *   <li>lower wick (min(open, close) - low) / (high - low) &gt;= {@code wick_fraction}.</li>
 * </ol>
 * Entry at the close of i; stop {@code stop_distance} * ATR(14)[i] below the fill bar's open, target
 * {@code target_multiple} times the stop distance above it. No decision before bar max(decline_lookback, 20).
 */
public final class CapitulationReversalStrategy implements TradingStrategy {

    public static final String NAME = "CAPITULATION_REVERSAL_V3";
    private static final int ATR_PERIOD = 14;
    private static final int VOLUME_PERIOD = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Long at the close of a high-volume bar with a long lower wick that ends a decline of several ATRs; "
                + "stop and target in ATR multiples.";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("decline_lookback", 10, 20, 30)
                .values("decline_atr_multiple", 3, 4, 5, 6)
                .values("volume_spike_threshold", 2, 3, 4)
                .values("wick_fraction", 0.3, 0.5)
                .values("stop_distance", 1.0, 1.5, 2.0)
                .values("target_multiple", 1.5, 2.0, 3.0)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        ParameterChecks.intAtLeast(p, "decline_lookback", 1);
        ParameterChecks.positive(p, "decline_atr_multiple");
        ParameterChecks.positive(p, "volume_spike_threshold");
        ParameterChecks.within(p, "wick_fraction", 0, 1);
        ParameterChecks.positive(p, "stop_distance");
        ParameterChecks.positive(p, "target_multiple");
    }

    private record EntryKey(int lookback, double declineAtr, double volumeSpike, double wick) {
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        EntryKey key = new EntryKey(p.getInt("decline_lookback"), p.get("decline_atr_multiple"),
                p.get("volume_spike_threshold"), p.get("wick_fraction"));
        EntryList e = prepared.memoSoft(key, () -> entries(prepared, key));
        return Brackets.atrBrackets(e.bars(), e.sides(), e.atr(), p.get("stop_distance"), p.get("target_multiple"));
    }

    private static EntryList entries(PreparedSeries prepared, EntryKey key) {
        var s = prepared.series();
        double[] open = s.openArray(), high = s.highArray(), low = s.lowArray(), close = s.closeArray(),
                volume = s.volumeArray();
        double[] atr = prepared.atr(ATR_PERIOD);
        double[] avgVolume = prepared.volumeMeanBefore(VOLUME_PERIOD);
        double[] priorHigh = prepared.highestHighBefore(key.lookback());
        EntryList.Builder b = new EntryList.Builder();
        for (int i = Math.max(key.lookback(), VOLUME_PERIOD); i < s.size(); i++) {
            double range = high[i] - low[i];
            if (!(range > 0) || !(atr[i - 1] > 0) || !(avgVolume[i] > 0)) {
                continue;
            }
            boolean decline = priorHigh[i] - low[i] >= key.declineAtr() * atr[i - 1];
            boolean spike = volume[i] > key.volumeSpike() * avgVolume[i];
            boolean wick = (Math.min(open[i], close[i]) - low[i]) / range >= key.wick();
            if (decline && spike && wick) {
                b.add(i, SignalSet.LONG, atr[i]);
            }
        }
        return b.build();
    }
}
