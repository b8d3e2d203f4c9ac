package dev.trainer.domain.strategy;

import dev.trainer.domain.indicators.Crossings;

/**
 * SMA_CROSSOVER: long only. Enter when SMA(fast) of closes crosses above SMA(slow) at a bar's close, exit when it
 * crosses below. Crossing follows ta4j's CrossedUpIndicatorRule / CrossedDownIndicatorRule (bars where the two
 * averages are equal are skipped when looking for the previous side). No decision before bar index {@code slow}
 * (ta4j's "unstable bars"). No stop: the backtester then invests all available equity.
 */
public final class SmaCrossoverStrategy implements TradingStrategy {

    public static final String NAME = "SMA_CROSSOVER";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Long when SMA(fast) of closes crosses above SMA(slow) at a bar's close, flat when it crosses below; "
                + "no signal before bar index slow; no stop or target (all available equity invested).";
    }

    @Override
    public ParameterSpace defaultSpace() {
        return ParameterSpace.builder()
                .values("fast", 5, 10, 15, 20, 25, 30)
                .values("slow", 40, 60, 80, 100, 120, 150, 200)
                .build();
    }

    @Override
    public void validate(ParameterSet p) {
        int fast = ParameterChecks.intAtLeast(p, "fast", 1);
        int slow = ParameterChecks.intAtLeast(p, "slow", 2);
        if (fast >= slow) {
            throw new IllegalArgumentException("parameter 'fast' (" + fast + ") must be < 'slow' (" + slow + ")");
        }
    }

    @Override
    public SignalSet signals(PreparedSeries prepared, ParameterSet p) {
        int fast = p.getInt("fast");
        int slow = p.getInt("slow");
        double[] f = prepared.smaOfClose(fast);
        double[] s = prepared.smaOfClose(slow);
        int[][] crosses = Crossings.crossUpsAndDowns(f, s, slow);
        int[] ups = crosses[0];
        byte[] sides = new byte[ups.length];
        java.util.Arrays.fill(sides, SignalSet.LONG);
        return SignalSet.withoutStops(ups, sides, crosses[1], new int[0]);
    }
}
