package dev.trainer.domain.stats;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

/**
 * How long the probability of backtest overfitting takes at the plan's scale: 201,600 trials (a full parameter grid)
 * × 90 daily returns, S = 16 (12,870 splits). Not a unit test (surefire does not pick it up): run it by hand after
 * {@code mvn -o -q -pl libs/domain test-compile},
 *
 * <pre>
 * java -Xmx1g -cp libs/domain/target/classes:libs/domain/target/test-classes \
 *     dev.trainer.domain.stats.OverfittingAccumulatorBenchmark [trials] [copies] [reference]
 * </pre>
 *
 * <p>The returns are seeded and crypto-like: one market of daily returns (sd 3.5 %, a fat-tailed day in ten), and per
 * distinct trade pattern a trend-following position (long, short or flat by a moving average of random length, a
 * cost on each change) or, for one pattern in twenty, no trade at all. A grid repeats patterns: parameters that move
 * no trade give identical columns, so the trials are drawn from {@code trials / copies} patterns (copies 8 by
 * default, 1 for every trial distinct). With {@code reference} it also times the matrix implementation the
 * accumulator replaced (it needs the 145 MB matrix and 2 GB of heap).
 */
public final class OverfittingAccumulatorBenchmark {

    private static final int PERIODS = 90;
    private static final int PARTITIONS = 16;

    private OverfittingAccumulatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 201_600;
        double copies = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        boolean reference = args.length > 2 && args[2].equals("reference");
        int patterns = Math.max(2, (int) Math.round(trials / copies));
        Random random = new Random(20_240_601L);
        double[][] pattern = patterns(random, patterns);

        int[] patternOf = assignment(random, trials, patterns);

        long start = System.nanoTime();
        OverfittingAccumulator accumulator = new OverfittingAccumulator(PERIODS, trials, PARTITIONS, CscvMetric.SHARPE);
        for (int t = 0; t < trials; t++) {
            if (!accumulator.put(t, pattern[patternOf[t]])) {
                throw new IllegalStateException("refused trial " + t);
            }
        }
        double fill = seconds(start);
        int distinct = accumulator.distinctTrials();
        System.out.printf(Locale.ROOT, "%,d trials x %d days, S = %d: %,d distinct; accumulator %,d bytes (%.1f MB, "
                + "%d B per trial); filled in %.2f s%n", trials, PERIODS, PARTITIONS, distinct, accumulator.bytes(),
                accumulator.bytes() / 1e6, accumulator.bytes() / trials, fill);
        for (int round = 1; round <= 2; round++) {
            for (int threads = 1; threads <= 2; threads++) {
                start = System.nanoTime();
                long cpu = cpuNanos();
                OverfittingEstimate e = accumulator.estimate(threads);
                System.out.printf(Locale.ROOT, "round %d, %d thread%s: %.2f s (%.2f s of CPU), PBO %s, mean logit %s%n",
                        round, threads, threads == 1 ? "" : "s", seconds(start), (cpuNanos() - cpu) / 1e9,
                        e.probability(), e.logitMean());
            }
        }
        if (reference) {
            double[][] matrix = new double[PERIODS][trials];
            for (int t = 0; t < trials; t++) {
                double[] column = pattern[patternOf[t]];
                for (int r = 0; r < PERIODS; r++) {
                    matrix[r][t] = column[r];
                }
            }
            start = System.nanoTime();
            long cpu = cpuNanos();
            OverfittingEstimate e = BacktestOverfittingReference.estimate(matrix, PARTITIONS, CscvMetric.SHARPE);
            System.out.printf(Locale.ROOT, "the matrix implementation replaced: %.2f s (%.2f s of CPU), PBO %s, mean "
                    + "logit %s%n", seconds(start), (cpuNanos() - cpu) / 1e9, e.probability(), e.logitMean());
        }
    }

    /** Which pattern each trial trades: every pattern about equally often, in no particular order. */
    private static int[] assignment(Random random, int trials, int patterns) {
        int[] patternOf = new int[trials];
        for (int t = 0; t < trials; t++) {
            patternOf[t] = t % patterns;
        }
        for (int t = trials - 1; t > 0; t--) {
            int other = random.nextInt(t + 1);
            int swap = patternOf[t];
            patternOf[t] = patternOf[other];
            patternOf[other] = swap;
        }
        return patternOf;
    }

    /** Distinct daily return series: the market's, traded by moving-average rules of random length. */
    private static double[][] patterns(Random random, int patterns) {
        double[] market = new double[PERIODS + 60];
        for (int d = 0; d < market.length; d++) {
            double tail = random.nextInt(10) == 0 ? 2.5 : 1;
            market[d] = 0.0005 + 0.035 * tail * random.nextGaussian() / 1.17;
        }
        double[][] out = new double[patterns][PERIODS];
        for (int p = 0; p < patterns; p++) {
            if (random.nextInt(20) == 0) {
                continue; // never trades
            }
            int lookback = 3 + random.nextInt(55);
            double threshold = 0.01 * random.nextInt(4);
            boolean shorts = random.nextBoolean();
            double cost = 0.0005 + 0.002 * random.nextDouble(); // fees and slippage differ: every trading pattern distinct
            int position = 0;
            for (int d = 0; d < PERIODS; d++) {
                int day = d + 60;
                double trend = 0;
                for (int k = 1; k <= lookback; k++) {
                    trend += market[day - k];
                }
                int wanted = trend > threshold ? 1 : trend < -threshold && shorts ? -1 : 0;
                out[p][d] = position * market[day] - (wanted != position ? cost * Math.abs(wanted - position) : 0);
                position = wanted;
            }
        }
        return out;
    }

    /** The process's CPU time: on a machine shared with other work the wall clock says little. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
