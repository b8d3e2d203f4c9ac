package dev.trainer.domain.optimize;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How the parameter space is searched. */
public enum SearchMethod {
    /** Every point of a listed space. */
    GRID,
    /** Seeded uniform draws without repetition. */
    RANDOM,
    /** The first points of the (unscrambled) Sobol sequence: quasi-random, spread more evenly than random draws. */
    SOBOL,
    /** Gaussian-process regression with expected improvement, in rounds of a few points. */
    BAYESIAN,
    /** Covariance matrix adaptation evolution strategy, one generation per round. */
    CMAES;

    /** Accepts "grid", "RANDOM", "cma-es", "cmaes", ... */
    public static SearchMethod parse(String s) {
        if (s != null) {
            String norm = s.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
            for (SearchMethod m : values()) {
                if (m.name().equals(norm)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("Unknown optimisation method '" + s + "'; accepted: " + Arrays.stream(values())
                .map(SearchMethod::label).collect(Collectors.joining(", ")));
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the next trials depend on the scores of earlier ones (they then come in rounds). */
    public boolean adaptive() {
        return this == BAYESIAN || this == CMAES;
    }
}
