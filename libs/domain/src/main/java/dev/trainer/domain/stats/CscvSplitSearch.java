package dev.trainer.domain.stats;

import dev.trainer.domain.backtest.MetricValue;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The split loop of CSCV over accumulated block sums, in two passes that each stream the distinct trials a tile at a
 * time ({@link TrialTile}).
 *
 * <ol>
 *   <li>For every split, the in-sample argmax: the first (lowest) trial with the highest in-sample value, kept per
 *       split while the tiles go by in trial order, so that a strict {@code >} reproduces "on a tie, the lowest
 *       column".</li>
 *   <li>The selected trial's out-of-sample value, from its own sums.</li>
 *   <li>For every split, the trials whose out-of-sample value is below or equal to it, counted with their
 *       weights.</li>
 * </ol>
 *
 * <p>Why tiles: a split touches S/2 block sums and S/2 block sums of squares of every trial. Block-major arrays of
 * all N trials (the matrix form) stream 16 arrays of N doubles from memory per split, 12,870 times. A tile copies
 * {@value TrialTile#SIZE} trials' sums block-major into a buffer that stays in the core's cache while every split of
 * a chunk runs over it.
 *
 * <p>Why the splits go in lexicographic order of their blocks ({@link SplitOrder}): consecutive splits share their
 * lowest blocks, and the partial sums over those carry over, so a split costs about one block addition per trial
 * instead of S/2 − 1.
 *
 * <p>Why bounds ({@link HalfBounds}): the Sharpe ratio costs four divisions and a square root per trial and half,
 * yet a split needs only comparisons: against the best so far (pass 1) and against the selected trial's value (pass
 * 2). Float bounds decide almost all of them with a few multiplications, 8 trials to a vector instruction; the
 * rest (near ties, and at least the selected trial itself) use the exact double value.
 *
 * <p>Threads take chunks of consecutive splits; a split's result is computed by one thread over the tiles in trial
 * order, and the logits are summed in the matrix form's split order at the end, so the result does not depend on the
 * thread count.
 *
 * <p>Every sum and metric is computed with the operations, in the order, of the matrix form: in-sample sums add the
 * blocks in increasing order to 0, out-of-sample sums are total minus in-sample, the total adds all blocks in
 * increasing order to 0. Java arithmetic is the same in a vector and a scalar loop, so the results agree to the bit.
 */
final class CscvSplitSearch {

    /** Chunks of splits per thread: enough to even out a thread slowed by other work, few enough that re-reading
     * the sums for each chunk stays cheap. */
    private static final int CHUNKS_PER_THREAD = 4;

    private final double[] sums;
    private final int stride;
    private final DistinctTrials distinct;
    private final int partitions;
    private final int half;
    private final int halfRows;
    private final CscvMetric metric;
    private final SplitOrder order;
    /** By split index in the matrix form's order. */
    private final double[] bestValue;
    private final int[] bestGroup;
    private final int[] below;
    private final int[] tied;

    private CscvSplitSearch(double[] sums, DistinctTrials distinct, int partitions, int blockRows, CscvMetric metric) {
        this.sums = sums;
        this.stride = OverfittingAccumulator.stride(partitions);
        this.distinct = distinct;
        this.partitions = partitions;
        this.half = partitions / 2;
        this.halfRows = blockRows * half;
        this.metric = metric;
        this.order = new SplitOrder(partitions);
        this.bestValue = new double[order.count()];
        this.bestGroup = new int[order.count()];
        this.below = new int[order.count()];
        this.tied = new int[order.count()];
    }

    static OverfittingEstimate run(double[] sums, DistinctTrials distinct, int trials, int periods, int dropped,
            int partitions, int blockRows, CscvMetric metric, int threads) {
        CscvSplitSearch search = new CscvSplitSearch(sums, distinct, partitions, blockRows, metric);
        search.runChunks(threads);
        int splits = search.order.count();
        int overfit = 0;
        double logitSum = 0;
        for (int s = 0; s < splits; s++) {
            // rank = below + (tied + 1) / 2, kept doubled so that the median test below is exact
            int twiceRank = 2 * search.below[s] + search.tied[s] + 1;
            double omega = twiceRank / (2.0 * (trials + 1));
            logitSum += Math.log(omega / (1 - omega));
            if (twiceRank <= trials + 1) {
                overfit++;
            }
        }
        return new OverfittingEstimate(MetricValue.of((double) overfit / splits), MetricValue.of(logitSum / splits),
                splits, trials, periods, dropped, partitions, metric);
    }

    private void runChunks(int threads) {
        int splits = order.count();
        int chunks = Math.min(splits, threads == 1 ? 1 : threads * CHUNKS_PER_THREAD);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable work = () -> {
            try {
                TrialTile tile = new TrialTile(sums, distinct, partitions, halfRows, metric);
                for (int c; (c = next.getAndIncrement()) < chunks; ) {
                    int from = (int) ((long) splits * c / chunks);
                    int to = (int) ((long) splits * (c + 1) / chunks);
                    select(tile, from, to);
                    rank(tile, from, to);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e);
                next.set(chunks); // the others stop after their current chunk: the estimate is lost anyway
            }
        };
        List<Thread> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(threads, chunks); i++) {
            helpers.add(Thread.ofPlatform().name("cscv-" + i).start(work));
        }
        work.run();
        boolean interrupted = false;
        for (Thread helper : helpers) {
            while (true) {
                try {
                    helper.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the helpers write this search's arrays: wait for them all the same
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
    }

    /**
     * Brings the tile's partial sums to split {@code i} (lexicographic position) of a chunk starting at {@code from}
     * and returns the split's in-sample blocks.
     */
    private int[] walkTo(TrialTile tile, int i, int from, int[] blocks, int n) {
        order.blocks(i, blocks);
        for (int d = i == from ? 0 : order.changedFrom[i]; d <= half - 2; d++) {
            tile.extend(d, blocks[d], n);
        }
        return blocks;
    }

    /** Pass 1: the in-sample argmax of the splits at lexicographic positions {@code from} to {@code to} (exclusive). */
    private void select(TrialTile tile, int from, int to) {
        for (int i = from; i < to; i++) {
            bestGroup[order.index[i]] = -1;
        }
        int[] blocks = new int[half];
        for (int first = 0; first < distinct.count(); first += TrialTile.SIZE) {
            int n = tile.load(first);
            for (int i = from; i < to; i++) {
                select(tile, order.index[i], walkTo(tile, i, from, blocks, n), first, n);
            }
        }
    }

    private void select(TrialTile tile, int split, int[] blocks, int first, int n) {
        double best = bestValue[split];
        int group = bestGroup[split];
        if (group >= 0 && best == Double.POSITIVE_INFINITY) {
            return; // nothing is greater
        }
        if (group >= 0 && tile.bounded && HalfBounds.usable(best)) {
            tile.inSampleBelowGaps(blocks[half - 1], best, n);
            float[] gap = tile.gap;
            if (TrialTile.negatives(gap, n) == n) {
                return; // all certainly below the best so far: the usual case once a good trial has been seen
            }
            for (int j = 0; j < n; j++) {
                if (!(gap[j] < 0)) {
                    double v = tile.inSampleValue(blocks, j);
                    if (v > best) {
                        best = v;
                        group = first + j;
                    }
                }
            }
        } else {
            // the first tile (no best yet: bounds would leave half of it to compute exactly), or sums or a best out
            // of the bounds' range
            tile.values(blocks, false, n);
            double[] value = tile.value;
            for (int j = 0; j < n; j++) {
                if (group < 0 || value[j] > best) {
                    best = value[j];
                    group = first + j;
                }
            }
        }
        bestValue[split] = best;
        bestGroup[split] = group;
    }

    /** Pass 2: per split, the trials whose out-of-sample value is below and equal to the selected trial's. */
    private void rank(TrialTile tile, int from, int to) {
        double[] selected = new double[to - from];
        int[] blocks = new int[half];
        for (int i = from; i < to; i++) {
            int split = order.index[i];
            selected[i - from] = outOfSampleValue(distinct.representatives()[bestGroup[split]], order.blocks(i, blocks));
            below[split] = 0;
            tied[split] = 0;
        }
        for (int first = 0; first < distinct.count(); first += TrialTile.SIZE) {
            int n = tile.load(first);
            for (int i = from; i < to; i++) {
                rank(tile, order.index[i], walkTo(tile, i, from, blocks, n), selected[i - from], n);
            }
        }
    }

    private void rank(TrialTile tile, int split, int[] blocks, double mark, int n) {
        int lower = 0;
        int equal = 0;
        int[] weight = tile.weight;
        if (tile.bounded && HalfBounds.usable(mark)) {
            tile.outOfSample(blocks[half - 1], n);
            tile.outOfSampleGaps(mark, n);
            lower = tile.weightOfNegatives(tile.gap, n);
            if (lower + tile.weightOfNegatives(tile.otherGap, n) < tile.totalWeight) {
                lower = 0; // some trial is within rounding distance of the mark (at least the selected one, in its tile)
                float[] gap = tile.gap;
                float[] otherGap = tile.otherGap;
                for (int j = 0; j < n; j++) {
                    if (gap[j] < 0) {
                        lower += weight[j];
                    } else if (!(otherGap[j] < 0)) {
                        double v = tile.outOfSampleValue(blocks, j);
                        if (v < mark) {
                            lower += weight[j];
                        } else if (v == mark) {
                            equal += weight[j];
                        }
                    }
                }
            }
        } else {
            tile.values(blocks, true, n);
            double[] value = tile.value;
            for (int j = 0; j < n; j++) {
                if (value[j] < mark) {
                    lower += weight[j];
                } else if (value[j] == mark) {
                    equal += weight[j];
                }
            }
        }
        below[split] += lower;
        tied[split] += equal;
    }

    /** One trial's out-of-sample value, by the operations the tile loops use. */
    private double outOfSampleValue(int trial, int[] blocks) {
        int at = trial * stride;
        double inSum = 0;
        double inSquares = 0;
        for (int b : blocks) {
            inSum += sums[at + 1 + b];
            inSquares += sums[at + 1 + partitions + b];
        }
        double totalSum = 0;
        double totalSquares = 0;
        for (int b = 0; b < partitions; b++) {
            totalSum += sums[at + 1 + b];
            totalSquares += sums[at + 1 + partitions + b];
        }
        return value(metric, totalSum - inSum, totalSquares - inSquares, sums[at], halfRows);
    }

    /**
     * A half's metric from its centred sum and sum of squares: Sharpe ratio, or 0 / ±∞ by the sign of the mean when
     * the half has no variance (the limit, so that a trial that never trades still ranks).
     */
    static double value(CscvMetric metric, double centredSum, double centredSquares, double trialMean, int rows) {
        double mean = trialMean + centredSum / rows;
        if (metric == CscvMetric.MEAN) {
            return mean;
        }
        double variance = (centredSquares - centredSum * centredSum / rows) / (rows - 1);
        if (!(variance > 1e-30 * Math.max(1, mean * mean))) {
            return mean > 0 ? Double.POSITIVE_INFINITY : mean < 0 ? Double.NEGATIVE_INFINITY : 0;
        }
        return mean / Math.sqrt(variance);
    }
}
