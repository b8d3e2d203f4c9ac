package dev.trainer.domain.quality;

import java.util.Arrays;

/**
 * Median and MAD of a sliding window of values drawn from a set known in advance, in O(log w log n) each: the
 * window is kept as counts per rank (a Fenwick tree over the n sorted distinct values), the median is a rank
 * selection and the MAD the median of the merge of two sorted sequences (the distances below and above the
 * median), found by binary search without building it. The mean absolute deviation, needed only where the MAD is
 * 0, is a scan of the window, O(w).
 */
final class RollingRobustStats {

    private final double[] values;
    private final int[] counts;
    private final int topStep;
    private final int capacity;
    private final int[] ring;
    private int head;
    private int size;

    /**
     * @param possibleValues every value that will be pushed (any order, repeats allowed), all finite
     * @param capacity       the window length; pushing into a full window evicts the oldest value
     */
    RollingRobustStats(double[] possibleValues, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("window of " + capacity);
        }
        this.values = Arrays.stream(possibleValues).sorted().distinct().toArray();
        this.counts = new int[values.length + 1];
        this.topStep = Integer.highestOneBit(Math.max(1, values.length));
        this.capacity = capacity;
        this.ring = new int[capacity];
    }

    int size() {
        return size;
    }

    boolean isFull() {
        return size == capacity;
    }

    void push(double value) {
        int rank = Arrays.binarySearch(values, value);
        if (rank < 0) {
            throw new IllegalArgumentException(value + " was not announced as a possible value");
        }
        if (size == capacity) {
            int oldest = ring[head];
            update(oldest, -1);
            ring[head] = rank;
            head = (head + 1) % capacity;
        } else {
            ring[(head + size) % capacity] = rank;
            size++;
        }
        update(rank, +1);
    }

    double median() {
        requireNotEmpty();
        return size % 2 == 1 ? kth(size / 2) : (kth(size / 2 - 1) + kth(size / 2)) / 2;
    }

    /** The median of |v - median| over the window (not scaled). */
    double mad(double median) {
        requireNotEmpty();
        int below = countBelow(median);
        return size % 2 == 1 ? kthDistance(size / 2, median, below)
                : (kthDistance(size / 2 - 1, median, below) + kthDistance(size / 2, median, below)) / 2;
    }

    /** The mean of |v - median| over the window; exactly 0 when every value equals the median. */
    double meanAbsoluteDeviation(double median) {
        requireNotEmpty();
        double sum = 0;
        for (int i = 0; i < size; i++) {
            sum += Math.abs(values[ring[(head + i) % capacity]] - median);
        }
        return sum / size;
    }

    /** The k-th smallest (0-based) distance |v - median|: the distances below and above are each sorted. */
    private double kthDistance(int k, double median, int ranksBelow) {
        int nBelow = prefixCount(ranksBelow);
        int nAbove = size - nBelow;
        int lo = Math.max(0, k + 1 - nAbove);
        int hi = Math.min(k + 1, nBelow);
        while (lo < hi) {
            int fromBelow = (lo + hi) >>> 1;
            int fromAbove = k + 1 - fromBelow;
            if (belowDistance(fromBelow, nBelow, median) < aboveDistance(fromAbove - 1, nBelow, median)) {
                lo = fromBelow + 1;
            } else {
                hi = fromBelow;
            }
        }
        int fromBelow = lo;
        int fromAbove = k + 1 - fromBelow;
        double last = Double.NEGATIVE_INFINITY;
        if (fromBelow > 0) {
            last = belowDistance(fromBelow - 1, nBelow, median);
        }
        if (fromAbove > 0) {
            last = Math.max(last, aboveDistance(fromAbove - 1, nBelow, median));
        }
        return last;
    }

    /** The i-th smallest distance among values below the median: the i-th largest of those values. */
    private double belowDistance(int i, int nBelow, double median) {
        return median - kth(nBelow - 1 - i);
    }

    /** The j-th smallest distance among values at or above the median. */
    private double aboveDistance(int j, int nBelow, double median) {
        return kth(nBelow + j) - median;
    }

    /** The k-th smallest value (0-based) in the window. */
    private double kth(int k) {
        int position = 0;
        int remaining = k + 1;
        for (int step = topStep; step > 0; step >>= 1) {
            int next = position + step;
            if (next <= values.length && counts[next] < remaining) {
                position = next;
                remaining -= counts[next];
            }
        }
        return values[position];
    }

    /** How many distinct values (ranks) are strictly below {@code x}. */
    private int countBelow(double x) {
        int i = Arrays.binarySearch(values, x);
        return i >= 0 ? i : -i - 1;
    }

    private int prefixCount(int ranks) {
        int c = 0;
        for (int i = ranks; i > 0; i -= i & -i) {
            c += counts[i];
        }
        return c;
    }

    private void update(int rank, int delta) {
        for (int i = rank + 1; i <= values.length; i += i & -i) {
            counts[i] += delta;
        }
    }

    private void requireNotEmpty() {
        if (size == 0) {
            throw new IllegalStateException("the window is empty");
        }
    }
}
