package dev.trainer.validation;

/**
 * The moments of a return series written out in the tests, independently of the domain's {@code ReturnMoments}:
 * Sharpe ratio = mean / sample standard deviation (n − 1), population skewness and raw kurtosis.
 */
record HandMoments(int days, double sharpePerDay, double skewness, double kurtosisRaw) {

    static HandMoments of(double[] r) {
        int n = r.length;
        double mean = 0;
        for (double x : r) {
            mean += x / n;
        }
        double m2 = 0, m3 = 0, m4 = 0;
        for (double x : r) {
            double d = x - mean;
            m2 += d * d / n;
            m3 += d * d * d / n;
            m4 += d * d * d * d / n;
        }
        return new HandMoments(n, mean / Math.sqrt(m2 * n / (n - 1)), m3 / Math.pow(m2, 1.5), m4 / (m2 * m2));
    }

    /** {@code 1 − γ3·SR + (γ4 − 1)/4·SR²}, the variance of the Sharpe ratio estimate times (T − 1). */
    double bracket() {
        return 1 - skewness * sharpePerDay + (kurtosisRaw - 1) / 4 * sharpePerDay * sharpePerDay;
    }

    static double[] concat(double[]... parts) {
        int n = 0;
        for (double[] p : parts) {
            n += p.length;
        }
        double[] out = new double[n];
        int at = 0;
        for (double[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
