package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.TradingStrategy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

/** Chooses which parameter sets to backtest. Reproducible: the same inputs always give the same list. */
public final class TrialPlanner {

    /** Random search gives up after this many draws per requested sample (tiny or mostly-invalid spaces). */
    static final int MAX_DRAWS_PER_SAMPLE = 50;

    private TrialPlanner() {
    }

    /** Every grid point, in {@link ParameterSpace#gridPoint} order. Throws if the space has a range dimension. */
    public static List<ParameterSet> grid(ParameterSpace space) {
        long size = space.gridSize();
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid of " + size + " points is too large to list");
        }
        List<ParameterSet> out = new ArrayList<>((int) size);
        for (long i = 0; i < size; i++) {
            out.add(space.gridPoint(i));
        }
        return out;
    }

    /**
     * {@code samples} independent uniform draws (duplicates possible). The generator is SplittableRandom seeded with
     * {@code seed}, whose sequence is specified and therefore stable across JDK versions.
     */
    public static List<ParameterSet> random(ParameterSpace space, int samples, long seed) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, was " + samples);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<ParameterSet> out = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            out.add(space.sample(rng));
        }
        return out;
    }

    /**
     * The trials for a strategy: "grid" lists every point the strategy accepts; "random" draws until
     * {@code samples} distinct accepted points are found (or 50 draws per sample were spent). Rejected and
     * duplicate combinations are counted, not silently lost. {@code samples} and {@code seed} are ignored for grids.
     */
    public static TrialPlan plan(TradingStrategy strategy, ParameterSpace space, String method, int samples,
            long seed) {
        String m = method == null ? "" : method.trim().toLowerCase(Locale.ROOT);
        List<String> examples = new ArrayList<>();
        switch (m) {
            case "grid" -> {
                List<ParameterSet> kept = new ArrayList<>();
                long dropped = 0;
                for (ParameterSet p : grid(space)) {
                    if (accepts(strategy, p, examples)) {
                        kept.add(p);
                    } else {
                        dropped++;
                    }
                }
                return new TrialPlan("grid", kept, dropped, 0, examples);
            }
            case "random" -> {
                if (samples < 0) {
                    throw new IllegalArgumentException("samples must be >= 0, was " + samples);
                }
                SplittableRandom rng = new SplittableRandom(seed);
                Set<ParameterSet> seen = new HashSet<>();
                List<ParameterSet> kept = new ArrayList<>(samples);
                long invalid = 0, duplicates = 0;
                long budget = (long) samples * MAX_DRAWS_PER_SAMPLE;
                for (long draw = 0; draw < budget && kept.size() < samples; draw++) {
                    ParameterSet p = space.sample(rng);
                    if (!seen.add(p)) {
                        duplicates++;
                    } else if (accepts(strategy, p, examples)) {
                        kept.add(p);
                    } else {
                        invalid++;
                    }
                }
                return new TrialPlan("random", kept, invalid, duplicates, examples);
            }
            default -> throw new IllegalArgumentException("Unknown optimisation method '" + method
                    + "'; accepted: grid, random");
        }
    }

    private static boolean accepts(TradingStrategy strategy, ParameterSet p, List<String> examples) {
        try {
            strategy.validate(p);
            return true;
        } catch (IllegalArgumentException e) {
            if (examples.size() < 3 && !examples.contains(e.getMessage())) {
                examples.add(e.getMessage());
            }
            return false;
        }
    }
}
