package dev.trainer.domain.strategy;

/**
 * RSI_MEAN_REVERSION: long only, Wilder RSI(period) of closes.
 * <ul>
 *   <li>Entry at the close of bar i when RSI crosses back up through the oversold level:
 *   RSI[i-1] &lt; oversold &lt;= RSI[i] (waiting for the turn rather than buying a falling market);</li>
 *   <li>exit at the close of the first bar (at or after the fill bar) with RSI &gt;= overbought;</li>
 *   <li>no stop or target (all available equity invested); use the settings' maxHoldingBars to bound trades that
 *   never revert.</li>
 * </ul>
 * No decision before bar index period + 1 (the first RSI value is at index period).
 */
public final class RsiMeanReversionStrategy implements TradingStrategy {

    public static final String NAME = "RSI_MEAN_REVERSION";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Long when Wilder RSI(period) crosses back up through 'oversold' at a bar's close; exit at the close of "
                + "the first bar with RSI >= 'overbought'; no stop or target.";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("period", 7, 14, 21)
                .values("oversold", 20, 25, 30, 35)
                .values("overbought", 65, 70, 75, 80)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        ParameterChecks.intAtLeast(p, "period", 2);
        double oversold = ParameterChecks.within(p, "oversold", 0, 100);
        double overbought = ParameterChecks.within(p, "overbought", 0, 100);
        if (oversold >= overbought) {
            throw new IllegalArgumentException("parameter 'oversold' (" + ParameterSet.format(oversold)
                    + ") must be < 'overbought' (" + ParameterSet.format(overbought) + ")");
        }
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        int period = p.getInt("period");
        double oversold = p.get("oversold");
        double overbought = p.get("overbought");
        double[] rsi = prepared.rsi(period);
        SignalSet.Builder b = new SignalSet.Builder();
        for (int i = period + 1; i < rsi.length; i++) {
            if (rsi[i - 1] < oversold && rsi[i] >= oversold) {
                b.entry(i, SignalSet.LONG, Double.NaN, Double.NaN);
            }
            if (rsi[i] >= overbought) {
                b.longExit(i);
            }
        }
        return b.build();
    }
}
