package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.TradingStrategy;
import org.apache.commons.math3.random.SobolSequenceGenerator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

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
     * The trials for a strategy: "grid" lists every point the strategy accepts; "random" (seeded uniform draws) and
     * "sobol" (the Sobol sequence, snapped to the space; the seed is not used) draw until {@code samples} distinct
     * accepted points are found (or 50 draws per sample were spent). Rejected and
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
                SplittableRandom rng = new SplittableRandom(seed);
                return draw("random", strategy, samples, () -> space.sample(rng), examples);
            }
            case "sobol" -> {
                UnitCube cube = new UnitCube(space);
                SobolSequenceGenerator sobol = new SobolSequenceGenerator(cube.dimensions());
                sobol.nextVector(); // the sequence starts at the corner (0, ..., 0): skip it
                return draw("sobol", strategy, samples, () -> cube.toParameters(sobol.nextVector()), examples);
            }
            default -> throw new IllegalArgumentException("Unknown optimisation method '" + method
                    + "'; accepted: grid, random, sobol");
        }
    }

    /**
     * Draws until {@code samples} distinct accepted points are found or 50 draws per sample were spent; rejected
     * and duplicate draws are counted.
     */
    private static TrialPlan draw(String method, TradingStrategy strategy, int samples, Supplier<ParameterSet> next,
            List<String> examples) {
        if (samples < 0) {
            throw new IllegalArgumentException("samples must be >= 0, was " + samples);
        }
        Set<ParameterSet> seen = new HashSet<>();
        List<ParameterSet> kept = new ArrayList<>(samples);
        long invalid = 0, duplicates = 0;
        long budget = (long) samples * MAX_DRAWS_PER_SAMPLE;
        for (long d = 0; d < budget && kept.size() < samples; d++) {
            ParameterSet p = next.get();
            if (!seen.add(p)) {
                duplicates++;
            } else if (accepts(strategy, p, examples)) {
                kept.add(p);
            } else {
                invalid++;
            }
        }
        return new TrialPlan(method, kept, invalid, duplicates, examples);
    }

    static boolean accepts(TradingStrategy strategy, ParameterSet p, List<String> examples) {
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
