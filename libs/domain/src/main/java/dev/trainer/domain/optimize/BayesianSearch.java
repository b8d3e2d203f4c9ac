package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.TradingStrategy;
import org.apache.commons.math3.distribution.NormalDistribution;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Bayesian optimisation: a Gaussian process ({@link GaussianProcess}) over the unit cube models the score, and each
 * round asks for the points of highest expected improvement over the best score so far.
 *
 * <ul>
 *   <li>First round: {@code initialPoints} seeded uniform draws (distinct, accepted by the strategy).</li>
 *   <li>Later rounds: the process is fitted once to the scores so far, then {@code roundSize} points are chosen one
 *   after the other by expected improvement among the round's 1,000 seeded uniform candidates plus 20 perturbations
 *   (sd 0.05) of each of the five best points; after each choice the model is told the point scored its predicted
 *   mean ("kriging believer", a rank-one update in {@link CandidatePosterior}), so one round's points spread out
 *   instead of piling onto the same peak, and the result does not depend on how many workers run the round.</li>
 *   <li>Scores that are not finite (too few trades, an undefined metric) are modelled as the worst finite score less
 *   one standard deviation of the finite ones: bad, but on the scale of the others. Points the strategy rejects
 *   (e.g. fast &gt;= slow) are never asked; they enter the model with that same bad score, so it learns to avoid
 *   the region.</li>
 *   <li>Scores are standardised before each fit. A point whose parameters repeat an earlier trial (two cube points in
 *   one grid cell) is never asked twice.</li>
 * </ul>
 * The search ends when {@code budget} trials were asked, or when no new acceptable point can be found.
 */
public final class BayesianSearch implements ParameterSearch {

    static final int RANDOM_CANDIDATES = 1_000;
    static final int LOCAL_CANDIDATES_PER_LEADER = 20;
    static final int LEADERS = 5;
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    private final TradingStrategy strategy;
    private final UnitCube cube;
    private final int initialPoints;
    private final int budget;
    private final int roundSize;
    private final SplittableRandom rng;

    private final List<double[]> points = new ArrayList<>();  // every point the model knows, in the cube
    private final List<Double> scores = new ArrayList<>();     // its raw score; NaN = rejected by the strategy
    private final Set<ParameterSet> seen = new HashSet<>();
    private List<double[]> pending = List.of();
    private int asked;
    private boolean exhausted;

    public BayesianSearch(TradingStrategy strategy, UnitCube cube, int initialPoints, int budget, int roundSize,
            long seed) {
        if (initialPoints < 1 || budget < 1 || roundSize < 1) {
            throw new IllegalArgumentException("initial points, budget and round size must be >= 1, were "
                    + initialPoints + ", " + budget + ", " + roundSize);
        }
        this.strategy = strategy;
        this.cube = cube;
        this.initialPoints = Math.min(initialPoints, budget);
        this.budget = budget;
        this.roundSize = roundSize;
        this.rng = new SplittableRandom(seed);
    }

    @Override
    public List<ParameterSet> ask() {
        if (!pending.isEmpty()) {
            throw new IllegalStateException("tell the scores of the last round before asking again");
        }
        int wanted = Math.min(budget - asked, asked == 0 ? initialPoints : roundSize);
        if (wanted <= 0 || exhausted) {
            return List.of();
        }
        List<double[]> chosen = asked == 0 ? initialDesign(wanted) : byExpectedImprovement(wanted);
        if (chosen.size() < wanted) {
            exhausted = true;
        }
        List<ParameterSet> round = new ArrayList<>(chosen.size());
        for (double[] u : chosen) {
            round.add(cube.toParameters(u));
        }
        pending = chosen;
        asked += chosen.size();
        return round;
    }

    @Override
    public void tell(double[] roundScores) {
        if (roundScores.length != pending.size()) {
            throw new IllegalArgumentException("expected " + pending.size() + " scores, got " + roundScores.length);
        }
        for (int i = 0; i < roundScores.length; i++) {
            points.add(pending.get(i));
            scores.add(Double.isFinite(roundScores[i]) ? roundScores[i] : Double.NEGATIVE_INFINITY);
        }
        pending = List.of();
    }

    @Override
    public int asked() {
        return asked;
    }

    @Override
    public int budget() {
        return budget;
    }

    private List<double[]> initialDesign(int wanted) {
        List<double[]> out = new ArrayList<>();
        for (int draws = 0; out.size() < wanted && draws < wanted * TrialPlanner.MAX_DRAWS_PER_SAMPLE; draws++) {
            double[] u = uniform();
            if (isNew(u)) {
                out.add(u);
            }
        }
        return out;
    }

    private List<double[]> byExpectedImprovement(int wanted) {
        double[] y = standardised(modelScores());
        double[][] x = points.toArray(double[][]::new);
        GaussianProcess gp = GaussianProcess.fit(x, y);
        double best = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            best = Math.max(best, v);
        }
        double rejected = penalty(Arrays.stream(y).boxed().toList());
        CandidatePosterior posterior = new CandidatePosterior(gp, candidates(x, y).toArray(double[][]::new));
        ParameterSet[] parameters = new ParameterSet[posterior.size()];
        boolean[] taken = new boolean[posterior.size()];
        List<double[]> out = new ArrayList<>();
        while (out.size() < wanted) {
            int choice = -1;
            double choiceEi = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < posterior.size(); c++) {
                if (taken[c]) {
                    continue;
                }
                double ei = expectedImprovement(posterior.mean(c), posterior.sd(c), best);
                if (ei > choiceEi) {
                    if (parameters[c] == null) {
                        parameters[c] = cube.toParameters(posterior.point(c));
                    }
                    if (seen.contains(parameters[c])) {
                        taken[c] = true;
                        continue;
                    }
                    choice = c;
                    choiceEi = ei;
                }
            }
            if (choice < 0) {
                break; // every candidate repeats a trial: the space is (nearly) exhausted
            }
            taken[choice] = true;
            seen.add(parameters[choice]);
            double[] u = posterior.point(choice);
            double believed = posterior.mean(choice);
            if (TrialPlanner.accepts(strategy, parameters[choice], new ArrayList<>())) {
                out.add(u);
            } else {
                // never asked: the model learns the region is unusable
                points.add(u);
                scores.add(Double.NaN);
                believed = rejected;
            }
            posterior.condition(choice, believed);
            best = Math.max(best, believed);
        }
        return out;
    }

    /** Raw scores with non-finite and rejected ones replaced by the penalty score. */
    private List<Double> modelScores() {
        double penalty = penalty(scores);
        List<Double> out = new ArrayList<>(scores.size());
        for (double s : scores) {
            out.add(Double.isFinite(s) ? s : penalty);
        }
        return out;
    }

    /** The worst finite score less one standard deviation of the finite scores (1 if they do not vary); 0 if none. */
    private static double penalty(List<Double> values) {
        double min = Double.POSITIVE_INFINITY, sum = 0, sumSq = 0;
        int n = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                sum += v;
                sumSq += v * v;
                n++;
            }
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
        return min - (sd > 0 ? sd : 1);
    }

    private static double[] standardised(List<Double> y) {
        double sum = 0, sumSq = 0;
        for (double v : y) {
            sum += v;
            sumSq += v * v;
        }
        double mean = sum / y.size();
        double sd = Math.sqrt(Math.max(0, sumSq / y.size() - mean * mean));
        double[] out = new double[y.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = sd > 0 ? (y.get(i) - mean) / sd : 0;
        }
        return out;
    }

    static double expectedImprovement(double mean, double sd, double best) {
        if (!(sd > 0)) {
            return Math.max(0, mean - best);
        }
        double z = (mean - best) / sd;
        return (mean - best) * STANDARD_NORMAL.cumulativeProbability(z) + sd * STANDARD_NORMAL.density(z);
    }

    private List<double[]> candidates(double[][] x, double[] y) {
        List<double[]> out = new ArrayList<>(RANDOM_CANDIDATES + LEADERS * LOCAL_CANDIDATES_PER_LEADER);
        for (int i = 0; i < RANDOM_CANDIDATES; i++) {
            out.add(uniform());
        }
        Integer[] order = new Integer[y.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(y[b], y[a]));
        for (int l = 0; l < Math.min(LEADERS, order.length); l++) {
            double[] leader = x[order[l]];
            for (int k = 0; k < LOCAL_CANDIDATES_PER_LEADER; k++) {
                double[] c = new double[leader.length];
                for (int d = 0; d < c.length; d++) {
                    c[d] = Math.min(1, Math.max(0, leader[d] + 0.05 * rng.nextGaussian()));
                }
                out.add(c);
            }
        }
        return out;
    }

    private double[] uniform() {
        double[] u = new double[cube.dimensions()];
        for (int d = 0; d < u.length; d++) {
            u[d] = rng.nextDouble();
        }
        return u;
    }

    /** Registers the point's parameters if they are new and the strategy accepts them. */
    private boolean isNew(double[] u) {
        ParameterSet p = cube.toParameters(u);
        if (!seen.add(p)) {
            return false;
        }
        if (!TrialPlanner.accepts(strategy, p, new ArrayList<>())) {
            points.add(u);
            scores.add(Double.NaN);
            return false;
        }
        return true;
    }
}
