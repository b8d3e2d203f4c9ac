package dev.trainer.domain.stats;

/**
 * The variance of an estimated per-period Sharpe ratio under IID non-normal returns (Mertens 2002, as used by Bailey
 * and López de Prado): {@code Var[SR^] ≈ (1 − γ3·SR + (γ4 − 1)/4·SR²) / (T − 1)}. This class holds the bracket,
 * shared by the probabilistic Sharpe ratio and the minimum track record length, and the argument checks they share.
 */
final class SharpeEstimateVariance {

    private SharpeEstimateVariance() {
    }

    /** {@code 1 − γ3·SR + (γ4 − 1)/4·SR²}, with raw kurtosis γ4. */
    static double bracket(double sharpePerPeriod, double skewness, double kurtosisRaw) {
        return 1 - skewness * sharpePerPeriod + (kurtosisRaw - 1) / 4 * sharpePerPeriod * sharpePerPeriod;
    }

    /**
     * Rejects a skewness/kurtosis pair no distribution has. Pearson's inequality γ4 ≥ 1 + γ3² holds for every
     * distribution (and for the population moments of every sample), and it also keeps the bracket non-negative:
     * {@code bracket ≥ (1 − γ3·SR/2)²}. Passing excess kurtosis (0 for a normal distribution) is the usual way to
     * break it, so the message says so.
     */
    static void requirePossibleShape(double skewness, double kurtosisRaw) {
        requireFinite(skewness, "skewness");
        requireFinite(kurtosisRaw, "kurtosis");
        double floor = 1 + skewness * skewness;
        // a relative slack: sample moments of a two-valued series sit exactly on the bound, up to rounding
        if (kurtosisRaw < floor * (1 - 1e-12)) {
            throw new IllegalArgumentException("kurtosis " + kurtosisRaw + " is below 1 + skewness² = " + floor
                    + ", which no distribution has; the kurtosis here is raw (3 for a normal distribution), not excess");
        }
    }

    static void requireFinite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, was " + value);
        }
    }

    static void requireObservations(long observations) {
        if (observations < 2) {
            throw new IllegalArgumentException("the number of observations must be at least 2, was " + observations);
        }
    }
}
