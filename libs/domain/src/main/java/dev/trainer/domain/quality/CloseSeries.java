package dev.trainer.domain.quality;

import java.util.Arrays;

/**
 * Closes by open time, strictly increasing in time, all finite and positive: what another exchange's series
 * contributes to the cross-exchange check. The arrays are owned by this object; do not modify them.
 */
public record CloseSeries(long[] openTimeMs, double[] close) {

    public static final CloseSeries EMPTY = new CloseSeries(new long[0], new double[0]);

    public CloseSeries {
        if (openTimeMs.length != close.length) {
            throw new IllegalArgumentException("column lengths differ: time=" + openTimeMs.length + ", close="
                    + close.length);
        }
        for (int i = 0; i < openTimeMs.length; i++) {
            if (i > 0 && openTimeMs[i] <= openTimeMs[i - 1]) {
                throw new IllegalArgumentException("open times must be strictly increasing: index " + i + " has "
                        + openTimeMs[i] + " after " + openTimeMs[i - 1]);
            }
            if (!(close[i] > 0 && Double.isFinite(close[i]))) {
                throw new IllegalArgumentException("close at index " + i + " is not a positive price: " + close[i]);
            }
        }
    }

    public int size() {
        return openTimeMs.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CloseSeries other && Arrays.equals(openTimeMs, other.openTimeMs)
                && Arrays.equals(close, other.close);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(openTimeMs) + Arrays.hashCode(close);
    }

    @Override
    public String toString() {
        return "CloseSeries[" + size() + " closes]";
    }
}
