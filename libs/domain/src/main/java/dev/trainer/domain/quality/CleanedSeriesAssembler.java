package dev.trainer.domain.quality;

import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import java.util.Arrays;
import java.util.Set;

/**
 * Applies the policies to the rows and builds the cleaned series, walking the timeline (the rows that are neither
 * duplicates nor out of order, which arrive in strictly increasing time) together with the absent grid times
 * between them.
 *
 * <p>A row that several checks found gets the strongest of their policies: drop, then forward-fill, then flag (with
 * the bits of every check whose policy is flag). A run is a maximal sequence of candle times to forward-fill (rows
 * and absent times) with no kept real candle between them; it becomes synthetic candles at the previous kept
 * close if it is at most {@code forwardFillMaxRunCandles} long and has a previous close, else it is left as a gap
 * and counted as unfilled.
 */
final class CleanedSeriesAssembler {

    private CleanedSeriesAssembler() {
    }

    /**
     * @param missing    absent grid times between the first and the last time received
     * @param kept       real candles kept
     * @param flagged    real candles kept with at least one flag
     * @param validKept  real candles kept that no invalidating check found
     */
    record Assembled(CleanedSeries series, int missing, int kept, int flagged, int validKept, int synthetic,
            int unfilled) {
    }

    private enum Decision {
        DROP, FILL, KEEP
    }

    /**
     * @param rows          every row, in arrival order
     * @param timeline      indices of the rows that are neither duplicates nor out of order, in arrival order
     * @param findings      per row, the bits {@code 1 << check.ordinal()} of the checks that found it
     * @param distinctTimes every open time received
     */
    static Assembled assemble(Timeframe timeframe, OhlcvColumns rows, int[] timeline, int[] findings,
            Set<Long> distinctTimes, QualitySettings settings) {
        long d = timeframe.durationMs();
        long[] t = rows.openTimeMs();
        long[] sortedTimes = distinctTimes.stream().mapToLong(Long::longValue).sorted().toArray();
        boolean fillMissing = settings.policy(QualityCheck.MISSING) == CleaningPolicy.FORWARD_FILL;
        Columns out = new Columns(rows.size());
        Run run = new Run(settings.forwardFillMaxRunCandles());
        int missing = 0, kept = 0, flagged = 0, validKept = 0;
        int invalidating = invalidatingBits();
        double previousClose = Double.NaN;
        long lowSlot = sortedTimes.length == 0 ? 0 : Math.ceilDiv(sortedTimes[0], d);
        for (int row : timeline) {
            long highSlot = Math.ceilDiv(t[row], d) - 1;
            int absent = absentInGap(lowSlot, highSlot, d, sortedTimes);
            missing += absent;
            if (fillMissing && absent > 0) {
                run.addAbsent(lowSlot, highSlot, d, absent, distinctTimes);
            }
            lowSlot = Math.floorDiv(t[row], d) + 1;
            int flags = 0;
            Decision decision = Decision.KEEP;
            for (QualityCheck check : QualityCheck.values()) {
                if ((findings[row] & bit(check)) == 0) {
                    continue;
                }
                switch (settings.policy(check)) {
                    case DROP -> decision = Decision.DROP;
                    case FORWARD_FILL -> decision = decision == Decision.DROP ? Decision.DROP : Decision.FILL;
                    case FLAG -> flags |= check.flagBit();
                    case REPORT -> throw new IllegalStateException(check.key() + " found a row but only reports");
                }
            }
            switch (decision) {
                case DROP -> {
                }
                case FILL -> run.add(t[row]);
                case KEEP -> {
                    run.flush(out, previousClose);
                    out.add(t[row], rows.open()[row], rows.high()[row], rows.low()[row], rows.close()[row],
                            rows.volume()[row], flags);
                    previousClose = rows.close()[row];
                    kept++;
                    flagged += flags != 0 ? 1 : 0;
                    validKept += (findings[row] & invalidating) == 0 ? 1 : 0;
                }
            }
        }
        run.flush(out, previousClose);
        return new Assembled(out.toSeries(timeframe), missing, kept, flagged, validKept, run.synthetic, run.unfilled);
    }

    static int bit(QualityCheck check) {
        return 1 << check.ordinal();
    }

    static int invalidatingBits() {
        int bits = 0;
        for (QualityCheck check : QualityCheck.values()) {
            bits |= check.makesInvalid() ? bit(check) : 0;
        }
        return bits;
    }

    /** Grid slots in [lowSlot, highSlot] that hold no time received. */
    private static int absentInGap(long lowSlot, long highSlot, long d, long[] sortedTimes) {
        if (highSlot < lowSlot) {
            return 0;
        }
        int from = lowerBound(sortedTimes, lowSlot * d);
        int held = 0;
        for (int i = from; i < sortedTimes.length && sortedTimes[i] <= highSlot * d; i++) {
            held += Math.floorMod(sortedTimes[i], d) == 0 ? 1 : 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, highSlot - lowSlot + 1 - held);
    }

    private static int lowerBound(long[] sorted, long key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    /** The candle times waiting to be forward-filled; past the limit only their number is kept. */
    private static final class Run {

        private final int maxCandles;
        private final long[] times;
        private int length;
        int synthetic;
        int unfilled;

        Run(int maxCandles) {
            this.maxCandles = maxCandles;
            this.times = new long[maxCandles];
        }

        void add(long time) {
            if (length < maxCandles) {
                times[length] = time;
            }
            length++;
        }

        void addAbsent(long lowSlot, long highSlot, long d, int absent, Set<Long> distinctTimes) {
            if (length + absent > maxCandles) {
                length += absent; // over the limit already: the run stays a gap, its times are not needed
                return;
            }
            for (long slot = lowSlot; slot <= highSlot; slot++) {
                if (!distinctTimes.contains(slot * d)) {
                    add(slot * d);
                }
            }
        }

        void flush(Columns out, double previousClose) {
            if (length == 0) {
                return;
            }
            if (length <= maxCandles && !Double.isNaN(previousClose)) {
                for (int i = 0; i < length; i++) {
                    out.add(times[i], previousClose, previousClose, previousClose, previousClose, 0.0,
                            CandleFlags.SYNTHETIC);
                }
                synthetic += length;
            } else {
                unfilled += length;
            }
            length = 0;
        }
    }

    /** Growable columns of the cleaned series. */
    private static final class Columns {

        private long[] t;
        private double[] o, h, l, c, v;
        private int[] f;
        private int size;

        Columns(int capacity) {
            int n = Math.max(16, capacity);
            t = new long[n];
            o = new double[n];
            h = new double[n];
            l = new double[n];
            c = new double[n];
            v = new double[n];
            f = new int[n];
        }

        void add(long time, double open, double high, double low, double close, double volume, int flags) {
            if (size == t.length) {
                int n = size * 2;
                t = Arrays.copyOf(t, n);
                o = Arrays.copyOf(o, n);
                h = Arrays.copyOf(h, n);
                l = Arrays.copyOf(l, n);
                c = Arrays.copyOf(c, n);
                v = Arrays.copyOf(v, n);
                f = Arrays.copyOf(f, n);
            }
            t[size] = time;
            o[size] = open;
            h[size] = high;
            l[size] = low;
            c[size] = close;
            v[size] = volume;
            f[size] = flags;
            size++;
        }

        CleanedSeries toSeries(Timeframe timeframe) {
            long[] ct = Arrays.copyOf(t, size);
            double[] co = Arrays.copyOf(o, size), ch = Arrays.copyOf(h, size), cl = Arrays.copyOf(l, size),
                    cc = Arrays.copyOf(c, size), cv = Arrays.copyOf(v, size);
            return new CleanedSeries(timeframe, ct, co, ch, cl, cc, cv, Arrays.copyOf(f, size),
                    SeriesFingerprint.of(ct, co, ch, cl, cc, cv));
        }
    }
}
