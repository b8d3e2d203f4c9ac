package dev.trainer.domain.risk;

import java.util.Objects;

/**
 * max_adverse_selection: the share of judged fills after which the market moved against the fill within the horizon
 * (the caller picks the horizon and the window of judged fills); trips at or above the limit.
 */
public final class AdverseSelection {

    private AdverseSelection() {
    }

    /** BUY: adverse when priceAfterHorizon &lt; filledPrice; SELL: when priceAfterHorizon &gt; filledPrice; equal is not adverse. */
    public static boolean adverse(Side side, double filledPrice, double priceAfterHorizon) {
        Objects.requireNonNull(side, "side");
        Checks.positive(filledPrice, "filled price");
        Checks.positive(priceAfterHorizon, "price after the horizon");
        return side == Side.BUY ? priceAfterHorizon < filledPrice : priceAfterHorizon > filledPrice;
    }

    /** The limit must be a fraction of fills in (0, 1]. */
    public static void requireValidThreshold(double maxShare) {
        Checks.fractionThreshold(maxShare, "max adverse selection (fraction of fills)");
    }

    /**
     * share = adverseFills / judgedFills; undefined while judgedFills &lt; minFills; &gt;= maxShare trips.
     *
     * @param adverseFills adverse fills among the judged ones (0..judgedFills)
     * @param judgedFills  fills judged so far in the window (>= 0)
     * @param minFills     judged fills needed before the share means anything (>= 1)
     * @param maxShare     the limit, a fraction of fills in (0, 1]
     */
    public static Measurement measure(int adverseFills, int judgedFills, int minFills, double maxShare) {
        if (judgedFills < 0 || adverseFills < 0 || adverseFills > judgedFills) {
            throw new IllegalArgumentException("need 0 <= adverse fills <= judged fills, got " + adverseFills
                    + " adverse of " + judgedFills + " judged");
        }
        if (minFills < 1) {
            throw new IllegalArgumentException("the minimum number of judged fills must be >= 1, got " + minFills);
        }
        requireValidThreshold(maxShare);
        if (judgedFills < minFills) {
            return Measurement.undefined(maxShare, "only " + judgedFills + " fills judged for adverse selection;"
                    + " at least " + minFills + " needed");
        }
        double share = (double) adverseFills / judgedFills;
        String[] shown = Checks.formatPair(share, maxShare, 2);
        return new Measurement(share, maxShare, share >= maxShare, adverseFills + " of the last " + judgedFills
                + " judged fills were adverse (share " + shown[0] + " of fills); limit " + shown[1] + " of fills");
    }
}
