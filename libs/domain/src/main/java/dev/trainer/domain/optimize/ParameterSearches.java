package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.TradingStrategy;

/**
 * Builds the search a request asks for, with the meaning of {@code samples} and {@code iterations} per method:
 * <ul>
 *   <li>grid: neither (every point the strategy accepts);</li>
 *   <li>random, sobol: {@code samples} = how many distinct parameter sets;</li>
 *   <li>bayesian: {@code iterations} = how many trials in all, {@code samples} = how many of them are the initial
 *   random design (default max(8, 2d + 1) for d parameters);</li>
 *   <li>cmaes: {@code iterations} = how many trials in all, {@code samples} = the population size per generation
 *   (default 4 + 3 ln d).</li>
 * </ul>
 * {@code roundSize} is how many points a Bayesian round asks (the parallelism the caller can use).
 */
public final class ParameterSearches {

    private ParameterSearches() {
    }

    public static ParameterSearch create(SearchMethod method, TradingStrategy strategy, ParameterSpace space,
            Integer samples, Integer iterations, long seed, int roundSize) {
        return switch (method) {
            case GRID -> {
                if (!space.isGrid()) {
                    throw new IllegalArgumentException("grid search needs every parameter as a list of values; "
                            + "a range needs method random, sobol, bayesian or cmaes");
                }
                yield new ListedSearch(TrialPlanner.plan(strategy, space, "grid", 0, seed));
            }
            case RANDOM, SOBOL -> new ListedSearch(TrialPlanner.plan(strategy, space, method.label(),
                    required(samples, "samples", method), seed));
            case BAYESIAN -> {
                UnitCube cube = new UnitCube(space);
                int initial = samples != null ? positive(samples, "samples")
                        : Math.max(8, 2 * cube.dimensions() + 1);
                yield new BayesianSearch(strategy, cube, initial, required(iterations, "iterations", method),
                        roundSize, seed);
            }
            case CMAES -> new CmaesSearch(strategy, new UnitCube(space),
                    samples == null ? null : positive(samples, "samples"), required(iterations, "iterations", method),
                    seed);
        };
    }

    private static int required(Integer value, String name, SearchMethod method) {
        if (value == null) {
            throw new IllegalArgumentException(method.label() + " search needs '" + name + "'");
        }
        return positive(value, name);
    }

    private static int positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException("'" + name + "' must be at least 1, was " + value);
        }
        return value;
    }
}
