package dev.trainer.domain.optimize;

import java.util.ArrayList;
import java.util.List;

/**
 * A fitted {@link GaussianProcess}'s predictions at a fixed set of candidate points, conditioned on one more
 * observation at a time without refitting.
 *
 * <p>Why: a Bayesian round chooses its points one after the other, each time telling the model the chosen point
 * scored its predicted mean ("kriging believer"). Refitting the process and predicting at every candidate again for
 * each choice costs O(n&sup3;) + O(candidates &middot; n&sup2;) per point, which at plan scale (216 windows of 200
 * trials) kept one thread busy for about 4.5 s a window. Conditioning on an observation at a candidate is a rank-one
 * update: the Cholesky factor grows by one row, which is the candidate's own {@code L^-1 k} vector already at hand,
 * and every candidate's mean and variance change by O(n). The length scale stays the one fitted at the round's start.
 *
 * <p>{@code L^-1 k} is kept row by row across all candidates (row i holds entry i of every candidate's vector), so
 * the triangular solve and the updates run along contiguous arrays.
 */
final class CandidatePosterior {

    private final double[][] candidates;
    private final double lengthScale;
    private final List<double[]> rows = new ArrayList<>(); // rows.get(i)[c] = (L^-1 k(X, c))[i]
    private final double[] mean;
    private final double[] variance; // predictive, noise included (as GaussianProcess.predict)

    CandidatePosterior(GaussianProcess gp, double[][] candidates) {
        this.candidates = candidates;
        this.lengthScale = gp.lengthScale();
        int m = candidates.length;
        this.mean = new double[m];
        this.variance = new double[m];
        double[][] x = gp.points();
        double[][] l = gp.choleskyFactor();
        double[] alpha = gp.weights();
        for (int i = 0; i < x.length; i++) {
            double[] row = new double[m];
            for (int c = 0; c < m; c++) {
                row[c] = GaussianProcess.kernel(x[i], candidates[c], lengthScale);
            }
            axpy(alpha[i], row, mean);
            for (int k = 0; k < i; k++) {
                axpy(-l[i][k], rows.get(k), row);
            }
            double pivot = l[i][i];
            for (int c = 0; c < m; c++) {
                row[c] /= pivot;
            }
            rows.add(row);
        }
        for (int c = 0; c < m; c++) {
            variance[c] = 1 + GaussianProcess.NOISE_VARIANCE;
        }
        for (double[] row : rows) {
            for (int c = 0; c < m; c++) {
                variance[c] -= row[c] * row[c];
            }
        }
    }

    int size() {
        return candidates.length;
    }

    double[] point(int c) {
        return candidates[c];
    }

    double mean(int c) {
        return mean[c];
    }

    double sd(int c) {
        return Math.sqrt(Math.max(variance[c], GaussianProcess.MIN_VARIANCE));
    }

    /**
     * Adds an observation of (standardised) value {@code y} at candidate {@code s}. With {@code y} equal to its mean
     * no mean changes (only variances shrink near it); any other value moves the means near it towards {@code y}.
     */
    void condition(int s, double y) {
        int m = candidates.length;
        double pivot = Math.sqrt(Math.max(variance[s], GaussianProcess.MIN_VARIANCE)); // the new diagonal of L
        double residual = y - mean[s];
        double[] e = new double[m]; // the posterior covariance with s, then the new row of L^-1 k
        double[] xs = candidates[s];
        for (int c = 0; c < m; c++) {
            e[c] = GaussianProcess.kernel(candidates[c], xs, lengthScale);
        }
        for (double[] row : rows) {
            axpy(-row[s], row, e);
        }
        for (int c = 0; c < m; c++) {
            e[c] /= pivot;
            variance[c] -= e[c] * e[c];
            mean[c] += e[c] * residual / pivot;
        }
        rows.add(e);
    }

    /** y += a * x */
    private static void axpy(double a, double[] x, double[] y) {
        for (int c = 0; c < y.length; c++) {
            y[c] += a * x[c];
        }
    }
}
