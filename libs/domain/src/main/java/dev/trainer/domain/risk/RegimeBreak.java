package dev.trainer.domain.risk;

import java.util.Optional;

/**
 * regime_break_threshold: trips when the regime classifier's most likely regime has a probability at or below the
 * threshold, i.e. neither the trend nor the volatility is clear. Unlike the other breakers this one trips at or
 * BELOW its threshold, since it measures confidence, not risk.
 */
public final class RegimeBreak {

    private RegimeBreak() {
    }

    /** The threshold must be a probability in [0, 1]. */
    public static void requireValidThreshold(double minTopProbability) {
        Checks.finite(minTopProbability, "regime break threshold (probability)");
        if (minTopProbability < 0 || minTopProbability > 1) {
            throw new IllegalArgumentException("the regime break threshold must be a probability in [0, 1], got "
                    + minTopProbability);
        }
    }

    /**
     * @param regime             the classification; empty (not enough closes) -> undefined
     * @param minTopProbability  the threshold, in [0, 1] (the top probability is never below 0.25)
     */
    public static Measurement measure(Optional<RegimeProbabilities> regime, double minTopProbability) {
        requireValidThreshold(minTopProbability);
        if (regime == null || regime.isEmpty()) {
            return Measurement.undefined(minTopProbability, "no regime: not enough closes, or no volatility in the"
                    + " long window");
        }
        RegimeProbabilities p = regime.get();
        double top = p.topProbability();
        String[] shown = Checks.formatPair(top, minTopProbability, 4);
        return new Measurement(top, minTopProbability, top <= minTopProbability, "most likely regime " + p.top()
                + " has probability " + shown[0] + " (P(up) " + Checks.format(p.upProbability(), 4)
                + ", P(volatile) " + Checks.format(p.volatileProbability(), 4) + "); trips at or below "
                + shown[1]);
    }
}
