package dev.trainer.domain.quality;

import java.util.Arrays;
import java.util.Collection;

/**
 * Candles whose close is far from what the other exchanges show at the same open time: deviation from the median
 * close over this series and every other exchange that has a close at that time. With one other exchange the
 * median is the midpoint of the two, which cannot tell which one is wrong: both deviate by half their gap. With
 * two or more others, an outlier stands out alone.
 */
final class CrossExchangeDivergence {

    private CrossExchangeDivergence() {
    }

    /**
     * @param divergent per candle: at least one other exchange has a close at its time and |close - median| /
     *                  median >= the maximum deviation
     * @param compared  how many candles had at least one other exchange's close at their time
     */
    record Found(boolean[] divergent, int compared) {
    }

    /**
     * @param openTimeMs strictly increasing
     * @param close      finite and positive
     * @param others     the other exchanges' closes
     */
    static Found find(long[] openTimeMs, double[] close, Collection<CloseSeries> others, double maxDeviationFraction) {
        int n = openTimeMs.length;
        boolean[] divergent = new boolean[n];
        CloseSeries[] refs = others.toArray(CloseSeries[]::new);
        int[] cursor = new int[refs.length];
        double[] closesAtTime = new double[refs.length + 1];
        int compared = 0;
        for (int i = 0; i < n; i++) {
            int k = 0;
            closesAtTime[k++] = close[i];
            for (int r = 0; r < refs.length; r++) {
                long[] times = refs[r].openTimeMs();
                while (cursor[r] < times.length && times[cursor[r]] < openTimeMs[i]) {
                    cursor[r]++;
                }
                if (cursor[r] < times.length && times[cursor[r]] == openTimeMs[i]) {
                    closesAtTime[k++] = refs[r].close()[cursor[r]];
                }
            }
            if (k < 2) {
                continue;
            }
            compared++;
            double median = median(closesAtTime, k);
            divergent[i] = Math.abs(close[i] - median) / median >= maxDeviationFraction;
        }
        return new Found(divergent, compared);
    }

    private static double median(double[] values, int count) {
        double[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }
}
