package dev.trainer.domain.strategy;

/**
 * SUPPLY_SHOCK_V3: a sudden one-sided burst of volume (supply dumped on the market, or absorbed by demand) tends to
 * continue for a while; trade in its direction. Long for bullish shocks, short for bearish ones.
 *
 * <p>Shock bar i (decided at its close): volume[i] &gt; {@code volume_spike_threshold} * mean volume of the 20 bars
 * before i; body |close - open| &gt;= {@code body_atr_multiple} * ATR(14)[i-1]; and the close sits in the extreme part
 * of the bar's range: (close - low) / (high - low) &gt;= {@code close_location} for a bullish bar, (high - close) /
 * (high - low) &gt;= close_location for a bearish one. Entry at the close of i; stop {@code stop_distance} *
 * ATR(14)[i] from the fill bar's open, target {@code target_multiple} times the stop distance. No decision before
 * bar 20.
 */
public final class SupplyShockStrategy implements TradingStrategy {

    public static final String NAME = "SUPPLY_SHOCK_V3";
    private static final int ATR_PERIOD = 14;
    private static final int VOLUME_PERIOD = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Trade in the direction of a high-volume, large-bodied bar that closes near its extreme; stop and "
                + "target in ATR multiples.";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("volume_spike_threshold", 2, 3, 4, 5)
                .values("body_atr_multiple", 1.0, 1.5, 2.0, 2.5)
                .values("close_location", 0.7, 0.8, 0.9)
                .values("stop_distance", 1.0, 1.5, 2.0)
                .values("target_multiple", 1.5, 2.0, 3.0)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        ParameterChecks.positive(p, "volume_spike_threshold");
        ParameterChecks.positive(p, "body_atr_multiple");
        ParameterChecks.within(p, "close_location", 0, 1);
        ParameterChecks.positive(p, "stop_distance");
        ParameterChecks.positive(p, "target_multiple");
    }

    private record EntryKey(double volumeSpike, double bodyAtr, double closeLocation) {
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        EntryKey key = new EntryKey(p.get("volume_spike_threshold"), p.get("body_atr_multiple"),
                p.get("close_location"));
        EntryList e = prepared.memoSoft(key, () -> entries(prepared, key));
        return Brackets.atrBrackets(e.bars(), e.sides(), e.atr(), p.get("stop_distance"), p.get("target_multiple"));
    }

    private static EntryList entries(PreparedSeries prepared, EntryKey key) {
        var s = prepared.series();
        double[] open = s.openArray(), high = s.highArray(), low = s.lowArray(), close = s.closeArray(),
                volume = s.volumeArray();
        double[] atr = prepared.atr(ATR_PERIOD);
        double[] avgVolume = prepared.volumeMeanBefore(VOLUME_PERIOD);
        EntryList.Builder b = new EntryList.Builder();
        for (int i = VOLUME_PERIOD; i < s.size(); i++) {
            double range = high[i] - low[i];
            if (!(range > 0) || !(atr[i - 1] > 0) || !(avgVolume[i] > 0) || !(volume[i] > key.volumeSpike() * avgVolume[i])) {
                continue;
            }
            double body = close[i] - open[i];
            if (Math.abs(body) < key.bodyAtr() * atr[i - 1]) {
                continue;
            }
            if (body > 0 && (close[i] - low[i]) / range >= key.closeLocation()) {
                b.add(i, SignalSet.LONG, atr[i]);
            } else if (body < 0 && (high[i] - close[i]) / range >= key.closeLocation()) {
                b.add(i, SignalSet.SHORT, atr[i]);
            }
        }
        return b.build();
    }
}
