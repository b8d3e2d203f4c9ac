package dev.trainer.domain.optimize;

/**
 * Gaussian-process regression on the unit cube, small and exact: Matérn 5/2 kernel with one length scale, unit
 * signal variance (the caller standardises the targets) and a small noise term that keeps the Cholesky factor
 * stable. The length scale is the one of a fixed ladder that maximises the log marginal likelihood, so a fit is
 * deterministic and needs no optimiser of its own.
 */
final class GaussianProcess {

    static final double[] LENGTH_SCALES = {0.05, 0.1, 0.2, 0.35, 0.6, 1.0};
    static final double NOISE_VARIANCE = 1e-6;
    /** Floor of a predicted variance, which rounding may take to zero or below at an observed point. */
    static final double MIN_VARIANCE = 1e-12;

    private final double[][] x;
    private final double lengthScale;
    private final double[][] chol; // lower triangular L with K + noise I = L L^T
    private final double[] alpha;  // (K + noise I)^-1 y

    private GaussianProcess(double[][] x, double lengthScale, double[][] chol, double[] alpha) {
        this.x = x;
        this.lengthScale = lengthScale;
        this.chol = chol;
        this.alpha = alpha;
    }

    /** Fits to points x (rows in [0,1]^d) and standardised targets y. */
    static GaussianProcess fit(double[][] x, double[] y) {
        GaussianProcess best = null;
        double bestLikelihood = Double.NEGATIVE_INFINITY;
        for (double ell : LENGTH_SCALES) {
            GaussianProcess gp = fit(x, y, ell);
            if (gp == null) {
                continue;
            }
            double logDet = 0, fit = 0;
            for (int i = 0; i < y.length; i++) {
                logDet += Math.log(gp.chol[i][i]);
                fit += y[i] * gp.alpha[i];
            }
            double likelihood = -0.5 * fit - logDet;
            if (likelihood > bestLikelihood) {
                bestLikelihood = likelihood;
                best = gp;
            }
        }
        if (best == null) {
            throw new IllegalStateException("covariance matrix is not positive definite for any length scale");
        }
        return best;
    }

    /** Fits with the given length scale; null when the covariance matrix is not (numerically) positive definite. */
    static GaussianProcess fit(double[][] x, double[] y, double lengthScale) {
        double[][] l = cholesky(covariance(x, lengthScale));
        return l == null ? null : new GaussianProcess(x, lengthScale, l, solveUpperTransposed(l, solveLower(l, y)));
    }

    double lengthScale() {
        return lengthScale;
    }

    /** The observed points, not to be changed. */
    double[][] points() {
        return x;
    }

    /** L with K + noise I = L L^T, not to be changed. */
    double[][] choleskyFactor() {
        return chol;
    }

    /** (K + noise I)^-1 y: the posterior mean at p is k(X, p) . weights. Not to be changed. */
    double[] weights() {
        return alpha;
    }

    /**
     * Posterior mean and standard deviation at point p: {mean, sd}, the straightforward way. The search predicts many
     * points at once with {@link CandidatePosterior}, which {@code CandidatePosteriorTest} checks against this.
     */
    double[] predict(double[] p) {
        int n = x.length;
        double[] k = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            k[i] = kernel(x[i], p, lengthScale);
            mean += k[i] * alpha[i];
        }
        double[] v = solveLower(chol, k);
        double var = 1 + NOISE_VARIANCE;
        for (double vi : v) {
            var -= vi * vi;
        }
        return new double[] {mean, Math.sqrt(Math.max(var, MIN_VARIANCE))};
    }

    static double kernel(double[] a, double[] b, double ell) {
        double d2 = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            d2 += d * d;
        }
        double r = Math.sqrt(5 * d2) / ell;
        return (1 + r + r * r / 3) * Math.exp(-r);
    }

    private static double[][] covariance(double[][] x, double ell) {
        int n = x.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = kernel(x[i], x[j], ell);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += NOISE_VARIANCE;
        }
        return k;
    }

    /** Lower Cholesky factor, or null when the matrix is not (numerically) positive definite. */
    private static double[][] cholesky(double[][] a) {
        int n = a.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        return null;
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    private static double[] solveLower(double[][] l, double[] b) {
        int n = b.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i][k] * y[k];
            }
            y[i] = s / l[i][i];
        }
        return y;
    }

    private static double[] solveUpperTransposed(double[][] l, double[] y) {
        int n = y.length;
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double s = y[i];
            for (int k = i + 1; k < n; k++) {
                s -= l[k][i] * x[k];
            }
            x[i] = s / l[i][i];
        }
        return x;
    }
}
