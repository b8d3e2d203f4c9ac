package dev.trainer.domain.risk;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The classifier's probability of each regime, the most likely one and its probability.
 *
 * @param probabilities  all four regimes, summing to 1 (unmodifiable, in {@link Regime} order)
 * @param top            the most likely regime (the first in {@link Regime} order on a tie)
 * @param topProbability its probability, in [0.25, 1]
 */
public record RegimeProbabilities(Map<Regime, Double> probabilities, Regime top, double topProbability) {

    public RegimeProbabilities {
        if (probabilities == null || top == null) {
            throw new IllegalArgumentException("regime probabilities and the top regime must not be null");
        }
        probabilities = Collections.unmodifiableMap(new EnumMap<>(probabilities));
    }

    /** From P(up) and P(volatile), assuming trend and volatility independent. */
    public static RegimeProbabilities of(double upProbability, double volatileProbability) {
        Map<Regime, Double> p = new EnumMap<>(Regime.class);
        for (Regime regime : Regime.values()) {
            double trend = regime.up() ? upProbability : 1 - upProbability;
            double volatility = regime.volatileRegime() ? volatileProbability : 1 - volatileProbability;
            p.put(regime, trend * volatility);
        }
        Regime top = Regime.UP_CALM;
        for (Regime regime : Regime.values()) {
            if (p.get(regime) > p.get(top)) {
                top = regime;
            }
        }
        return new RegimeProbabilities(p, top, p.get(top));
    }

    /** P(UP_CALM) + P(UP_VOLATILE). */
    public double upProbability() {
        return probabilities.get(Regime.UP_CALM) + probabilities.get(Regime.UP_VOLATILE);
    }

    /** P(UP_VOLATILE) + P(DOWN_VOLATILE). */
    public double volatileProbability() {
        return probabilities.get(Regime.UP_VOLATILE) + probabilities.get(Regime.DOWN_VOLATILE);
    }
}
