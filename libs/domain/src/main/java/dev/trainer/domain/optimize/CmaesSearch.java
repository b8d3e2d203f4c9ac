package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.TradingStrategy;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * CMA-ES (Hansen's (mu/mu_w, lambda) covariance matrix adaptation, as in "The CMA Evolution Strategy: A Tutorial",
 * 2016) in ask/tell form, one generation per round, over the unit cube. commons-math3's CMAESOptimizer calls the
 * objective itself, one point at a time; spreading a generation over Kafka workers needs the ask/tell form, so the
 * update equations are written out here, with commons-math3 for the eigendecomposition.
 *
 * <ul>
 *   <li>Start: mean at the centre of the cube, step size 0.3, population {@code lambda} (default 4 + 3 ln d).</li>
 *   <li>A sampled point outside the cube is evaluated at its nearest point inside; its fitness for ranking adds the
 *   squared distance to the cube, so the distribution is pulled back in.</li>
 *   <li>Points that snap to parameters already scored reuse that score without a new trial; points the strategy
 *   rejects rank last. A round therefore asks only the generation's new parameter sets.</li>
 *   <li>Ends when {@code budget} trials were asked, the step size fell below 1e-8, or 20 generations in a row held
 *   no new parameter set (the search has converged to one cell of the grid).</li>
 * </ul>
 */
public final class CmaesSearch implements ParameterSearch {

    private static final int STALE_GENERATIONS = 20;

    private final TradingStrategy strategy;
    private final UnitCube cube;
    private final int budget;
    private final SplittableRandom rng;
    private final int n, lambda, mu;
    private final double[] weights;
    private final double mueff, cc, cs, c1, cmu, damps, chiN;

    private double[] mean;
    private double sigma = 0.3;
    private double[] pc, ps;
    private double[][] c, b;
    private double[] d;
    private int generation;

    private final Map<ParameterSet, Double> known = new HashMap<>();
    private double[][] population; // the generation being evaluated (unclipped)
    private ParameterSet[] populationParameters;
    private List<Integer> pendingIndices = List.of();
    private int asked;
    private int staleGenerations;
    private boolean finished;

    public CmaesSearch(TradingStrategy strategy, UnitCube cube, Integer populationSize, int budget, long seed) {
        if (budget < 1) {
            throw new IllegalArgumentException("budget must be >= 1, was " + budget);
        }
        this.strategy = strategy;
        this.cube = cube;
        this.budget = budget;
        this.rng = new SplittableRandom(seed);
        this.n = cube.dimensions();
        this.lambda = populationSize != null ? populationSize : 4 + (int) Math.floor(3 * Math.log(n));
        if (lambda < 2) {
            throw new IllegalArgumentException("population size must be >= 2, was " + lambda);
        }
        this.mu = lambda / 2;
        double[] w = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            w[i] = Math.log(mu + 0.5) - Math.log(i + 1);
            sum += w[i];
        }
        double sumSq = 0;
        for (int i = 0; i < mu; i++) {
            w[i] /= sum;
            sumSq += w[i] * w[i];
        }
        this.weights = w;
        this.mueff = 1 / sumSq;
        this.cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        this.cs = (mueff + 2) / (n + mueff + 5);
        this.c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        this.cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        this.damps = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        this.chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        this.mean = new double[n];
        Arrays.fill(mean, 0.5);
        this.pc = new double[n];
        this.ps = new double[n];
        this.c = identity(n);
        this.b = identity(n);
        this.d = new double[n];
        Arrays.fill(d, 1);
    }

    public int populationSize() {
        return lambda;
    }

    @Override
    public List<ParameterSet> ask() {
        if (!pendingIndices.isEmpty()) {
            throw new IllegalStateException("tell the scores of the last round before asking again");
        }
        while (!finished && asked < budget) {
            sampleGeneration();
            List<Integer> fresh = new ArrayList<>();
            java.util.Set<ParameterSet> inGeneration = new java.util.HashSet<>();
            for (int k = 0; k < lambda; k++) {
                ParameterSet p = populationParameters[k];
                if (!known.containsKey(p) && inGeneration.add(p)) {
                    if (TrialPlanner.accepts(strategy, p, new ArrayList<>())) {
                        fresh.add(k);
                    } else {
                        known.put(p, Double.NEGATIVE_INFINITY);
                    }
                }
            }
            if (fresh.size() > budget - asked) {
                fresh = fresh.subList(0, budget - asked);
                finished = true; // the last, partial generation: no update follows it
            }
            if (!fresh.isEmpty()) {
                staleGenerations = 0;
                pendingIndices = fresh;
                List<ParameterSet> round = new ArrayList<>(fresh.size());
                for (int k : fresh) {
                    round.add(populationParameters[k]);
                }
                asked += round.size();
                return round;
            }
            // every point repeats a known one: update from known scores and sample again
            update();
            if (++staleGenerations >= STALE_GENERATIONS) {
                finished = true;
            }
        }
        return List.of();
    }

    @Override
    public void tell(double[] scores) {
        if (scores.length != pendingIndices.size()) {
            throw new IllegalArgumentException("expected " + pendingIndices.size() + " scores, got " + scores.length);
        }
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            known.put(populationParameters[pendingIndices.get(i)], Double.isNaN(s) ? Double.NEGATIVE_INFINITY : s);
        }
        pendingIndices = List.of();
        if (!finished) {
            update();
        }
    }

    @Override
    public int asked() {
        return asked;
    }

    @Override
    public int budget() {
        return budget;
    }

    private void sampleGeneration() {
        population = new double[lambda][n];
        populationParameters = new ParameterSet[lambda];
        for (int k = 0; k < lambda; k++) {
            double[] z = new double[n];
            for (int i = 0; i < n; i++) {
                z[i] = d[i] * rng.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double y = 0;
                for (int j = 0; j < n; j++) {
                    y += b[i][j] * z[j];
                }
                population[k][i] = mean[i] + sigma * y;
            }
            populationParameters[k] = cube.toParameters(clip(population[k]));
        }
    }

    /** Ranks the generation by fitness (lower is better: minus the score, plus the out-of-cube penalty). */
    private void update() {
        generation++;
        double[] fitness = new double[lambda];
        Integer[] order = new Integer[lambda];
        for (int k = 0; k < lambda; k++) {
            double score = known.getOrDefault(populationParameters[k], Double.NEGATIVE_INFINITY);
            double[] clipped = clip(population[k]);
            double outside = 0;
            for (int i = 0; i < n; i++) {
                double dist = population[k][i] - clipped[i];
                outside += dist * dist;
            }
            fitness[k] = (Double.isFinite(score) ? -score : Double.POSITIVE_INFINITY) + outside;
            order[k] = k;
        }
        Arrays.sort(order, (a, bb) -> Double.compare(fitness[a], fitness[bb])); // stable: ties keep sampling order
        double[] old = mean.clone();
        double[] newMean = new double[n];
        for (int r = 0; r < mu; r++) {
            double[] x = population[order[r]];
            for (int i = 0; i < n; i++) {
                newMean[i] += weights[r] * x[i];
            }
        }
        mean = newMean;
        double[] step = new double[n];
        for (int i = 0; i < n; i++) {
            step[i] = (mean[i] - old[i]) / sigma;
        }
        // C^(-1/2) * step = B * D^-1 * B^T * step
        double[] bt = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += b[i][j] * step[i];
            }
            bt[j] = s / d[j];
        }
        double psNorm = 0;
        double csFactor = Math.sqrt(cs * (2 - cs) * mueff);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += b[i][j] * bt[j];
            }
            ps[i] = (1 - cs) * ps[i] + csFactor * s;
            psNorm += ps[i] * ps[i];
        }
        psNorm = Math.sqrt(psNorm);
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (n + 1);
        double ccFactor = Math.sqrt(cc * (2 - cc) * mueff);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + (hsig ? ccFactor * step[i] : 0);
        }
        double[][] next = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int r = 0; r < mu; r++) {
                    double[] x = population[order[r]];
                    rankMu += weights[r] * (x[i] - old[i]) / sigma * (x[j] - old[j]) / sigma;
                }
                double v = (1 - c1 - cmu) * c[i][j]
                        + c1 * (pc[i] * pc[j] + (hsig ? 0 : cc * (2 - cc) * c[i][j]))
                        + cmu * rankMu;
                next[i][j] = v;
                next[j][i] = v;
            }
        }
        c = next;
        sigma *= Math.exp((cs / damps) * (psNorm / chiN - 1));
        sigma = Math.min(sigma, 1.0); // the cube is the whole world: a larger step only samples outside it
        decompose();
        if (!(sigma > 1e-8)) {
            finished = true;
        }
    }

    private void decompose() {
        RealMatrix m = new Array2DRowRealMatrix(c, false);
        EigenDecomposition e = new EigenDecomposition(m);
        double[] eigen = e.getRealEigenvalues();
        RealMatrix v = e.getV();
        for (int j = 0; j < n; j++) {
            d[j] = Math.sqrt(Math.max(eigen[j], 1e-20));
            for (int i = 0; i < n; i++) {
                b[i][j] = v.getEntry(i, j);
            }
        }
    }

    private static double[] clip(double[] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(1, Math.max(0, x[i]));
        }
        return out;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }
}
