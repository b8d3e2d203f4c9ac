package dev.trainer.domain.quality;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The data-quality checks and the gate in front of training (the first version trained on a series that was 19 %
 * zero-volume and 38 % flat candles and learned nothing but noise).
 *
 * <p>Takes a series in arrival order and counts, per row:
 * <ul>
 * <li>{@code zero_volume}: volume = 0;</li>
 * <li>{@code flat}: high = low;</li>
 * <li>{@code ohlc_invalid}: not low <= min(open, close) <= max(open, close) <= high, or a price <= 0, or a value
 * that is NaN; also a negative volume or an infinite value, which are not market observations either;</li>
 * <li>{@code duplicates}: rows whose open time repeats an earlier row's (the extra copies);</li>
 * <li>{@code out_of_order}: rows whose open time is earlier than the latest open time seen before them. A row that
 * is both (its time repeats an earlier row's and is earlier than the latest seen, as the last row of 1, 2, 1) is
 * counted as a <b>duplicate only</b>, so the two counts never overlap: repeating a time is the more specific
 * fault, and late arrival of a time already held loses nothing;</li>
 * <li>{@code missing}: expected open times (UTC multiples of the timeframe's duration) absent between the first and
 * the last open time received. Counted on what arrived, whatever else is wrong with those rows, so a time held only
 * by a dropped row is not also counted missing.</li>
 * </ul>
 * A row is <em>valid</em> when it is none of zero_volume, flat, ohlc_invalid, duplicate or out_of_order;
 * {@code validFraction = valid / total}, 0 for an empty series.
 *
 * <p>Cleaning drops duplicates, out-of-order rows and ohlc-invalid rows and keeps zero-volume and flat candles with
 * their {@link CandleFlags} bit set. Rows are never moved: every kept row has a time later than all rows before it,
 * so the cleaned series is strictly increasing in time (sorted) as it stands. The kept candles are therefore exactly
 * the valid ones plus the flagged ones. The cleaned series gets a {@link SeriesFingerprint}.
 *
 * <p>The gate passes a series iff {@code validFraction >= thresholdFraction} and the cleaned series is not empty.
 * The default threshold, 0.70, is the diagnosis's decision point ("if valid_pct < 70 %, data quality is your primary
 * issue").
 */
public final class QualityChecks {

    /** The diagnosis's decision point: at least 70 % of the candles must be valid. */
    public static final double DEFAULT_THRESHOLD_FRACTION = 0.70;

    private final double thresholdFraction;

    public QualityChecks() {
        this(DEFAULT_THRESHOLD_FRACTION);
    }

    /** @param thresholdFraction the minimum valid fraction, 0..1 (0.70 = 70 %) */
    public QualityChecks(double thresholdFraction) {
        if (!(thresholdFraction >= 0 && thresholdFraction <= 1)) {
            throw new IllegalArgumentException("the threshold is a fraction between 0 and 1 (0.70 = 70 %), got "
                    + thresholdFraction);
        }
        this.thresholdFraction = thresholdFraction;
    }

    public double thresholdFraction() {
        return thresholdFraction;
    }

    /** Checks candles given in arrival order. */
    public QualityResult check(Timeframe timeframe, List<Candle> candlesInArrivalOrder) {
        Objects.requireNonNull(candlesInArrivalOrder, "candles");
        OhlcvColumns cols = OhlcvColumns.of(candlesInArrivalOrder);
        return checkOwned(timeframe, cols.openTimeMs(), cols.open(), cols.high(), cols.low(), cols.close(), cols.volume());
    }

    /** Checks candles given column-wise in arrival order (the arrays are not modified). */
    public QualityResult check(Timeframe timeframe, long[] openTimeMs, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        int n = openTimeMs.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("column lengths differ: time=" + n + ", open=" + open.length + ", high="
                    + high.length + ", low=" + low.length + ", close=" + close.length + ", volume=" + volume.length);
        }
        return checkOwned(timeframe, openTimeMs, open, high, low, close, volume);
    }

    private QualityResult checkOwned(Timeframe timeframe, long[] t, double[] o, double[] h, double[] l, double[] c,
            double[] v) {
        Objects.requireNonNull(timeframe, "timeframe");
        int n = t.length;
        int zeroVolume = 0, flat = 0, ohlcInvalid = 0, duplicates = 0, outOfOrder = 0, valid = 0;
        boolean[] keep = new boolean[n];
        int[] flagsOfRow = new int[n];
        int kept = 0;
        Set<Long> seen = new HashSet<>(Math.max(16, n * 2));
        long latest = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            boolean isZeroVolume = v[i] == 0;
            boolean isFlat = h[i] == l[i];
            boolean isInvalid = !ohlcValid(o[i], h[i], l[i], c[i], v[i]);
            boolean isDuplicate = !seen.add(t[i]);
            boolean isOutOfOrder = !isDuplicate && i > 0 && t[i] < latest;
            latest = i == 0 ? t[i] : Math.max(latest, t[i]);

            zeroVolume += isZeroVolume ? 1 : 0;
            flat += isFlat ? 1 : 0;
            ohlcInvalid += isInvalid ? 1 : 0;
            duplicates += isDuplicate ? 1 : 0;
            outOfOrder += isOutOfOrder ? 1 : 0;
            if (!(isZeroVolume || isFlat || isInvalid || isDuplicate || isOutOfOrder)) {
                valid++;
            }
            if (!(isInvalid || isDuplicate || isOutOfOrder)) {
                keep[i] = true;
                flagsOfRow[i] = (isZeroVolume ? CandleFlags.ZERO_VOLUME : 0) | (isFlat ? CandleFlags.FLAT : 0);
                kept++;
            }
        }
        int missing = missing(timeframe, seen);

        CleanedSeries cleaned = cleaned(timeframe, t, o, h, l, c, v, keep, flagsOfRow, kept);
        double validFraction = n == 0 ? 0.0 : (double) valid / n;
        boolean passed = n > 0 && !cleaned.isEmpty() && validFraction >= thresholdFraction;
        Counts counts = new Counts(n, zeroVolume, flat, ohlcInvalid, duplicates, outOfOrder, missing, valid, kept,
                cleaned.countFlagged(CandleFlags.ZERO_VOLUME | CandleFlags.FLAT));
        String verdict = verdict(counts, validFraction, passed);
        QualityAssessment report = new QualityAssessment(n, zeroVolume, flat, ohlcInvalid, duplicates, outOfOrder,
                missing, valid, validFraction, thresholdFraction, passed, verdict);
        return new QualityResult(report, cleaned);
    }

    /** low <= min(open, close) <= max(open, close) <= high, every price > 0, volume >= 0, all finite. */
    static boolean ohlcValid(double open, double high, double low, double close, double volume) {
        if (!(Double.isFinite(open) && Double.isFinite(high) && Double.isFinite(low) && Double.isFinite(close)
                && Double.isFinite(volume))) {
            return false;
        }
        if (open <= 0 || high <= 0 || low <= 0 || close <= 0 || volume < 0) {
            return false;
        }
        return low <= Math.min(open, close) && Math.max(open, close) <= high;
    }

    /** Grid times in [first, last] absent from the distinct times received. */
    static int missing(Timeframe timeframe, Set<Long> distinctTimes) {
        if (distinctTimes.isEmpty()) {
            return 0;
        }
        long d = timeframe.durationMs();
        long first = Long.MAX_VALUE, last = Long.MIN_VALUE, onGrid = 0;
        for (long time : distinctTimes) {
            first = Math.min(first, time);
            last = Math.max(last, time);
            if (Math.floorMod(time, d) == 0) {
                onGrid++;
            }
        }
        long firstSlot = Math.ceilDiv(first, d);
        long lastSlot = Math.floorDiv(last, d);
        long expected = lastSlot >= firstSlot ? lastSlot - firstSlot + 1 : 0;
        return (int) Math.min(Integer.MAX_VALUE, expected - onGrid);
    }

    private static CleanedSeries cleaned(Timeframe tf, long[] t, double[] o, double[] h, double[] l, double[] c,
            double[] v, boolean[] keep, int[] flagsOfRow, int kept) {
        long[] ct = new long[kept];
        double[] co = new double[kept], ch = new double[kept], cl = new double[kept], cc = new double[kept],
                cv = new double[kept];
        int[] cf = new int[kept];
        int j = 0;
        for (int i = 0; i < t.length; i++) {
            if (keep[i]) {
                ct[j] = t[i];
                co[j] = o[i];
                ch[j] = h[i];
                cl[j] = l[i];
                cc[j] = c[i];
                cv[j] = v[i];
                cf[j] = flagsOfRow[i];
                j++;
            }
        }
        return new CleanedSeries(tf, ct, co, ch, cl, cc, cv, cf, SeriesFingerprint.of(ct, co, ch, cl, cc, cv));
    }

    private record Counts(int total, int zeroVolume, int flat, int ohlcInvalid, int duplicates, int outOfOrder,
            int missing, int valid, int kept, int flagged) {

        String list() {
            return "zero_volume " + zeroVolume + ", flat " + flat + ", ohlc_invalid " + ohlcInvalid + ", duplicates "
                    + duplicates + ", out_of_order " + outOfOrder + ", missing " + missing;
        }
    }

    private String verdict(Counts k, double validFraction, boolean passed) {
        String[] pct = percents(validFraction, thresholdFraction);
        if (k.total() == 0) {
            return "refused: the series has no candles, so none is valid (0.0 % against the " + pct[1]
                    + " threshold); there is nothing to train on";
        }
        if (k.kept() == 0) {
            return "refused: no candle is left after cleaning: all " + candles(k.total()) + " were dropped ("
                    + k.list() + "); " + pct[0] + " valid against the " + pct[1] + " threshold";
        }
        if (!passed) {
            return "refused: " + pct[0] + " of " + candles(k.total()) + " valid, below the " + pct[1] + " threshold ("
                    + k.list() + ")";
        }
        return "passed: " + pct[0] + " of " + candles(k.total()) + " valid, at or above the " + pct[1] + " threshold ("
                + k.list() + "); " + candles(k.kept()) + " kept (" + k.flagged() + " flagged), "
                + (k.total() - k.kept()) + " dropped";
    }

    private static String candles(int n) {
        return n == 1 ? "1 candle" : n + " candles";
    }

    /**
     * Both fractions as percentages with one decimal, or with as many more as it takes for a fraction that differs
     * from the threshold not to print the same (69.96 % below a 70 % threshold reads "69.96 % ... below the 70.00 %
     * threshold", not "70.0 % ... below the 70.0 % threshold").
     */
    static String[] percents(double fraction, double threshold) {
        for (int decimals = 1; decimals <= 6; decimals++) {
            String f = percent(fraction, decimals);
            String t = percent(threshold, decimals);
            if (fraction == threshold || !f.equals(t)) {
                return new String[] {f, t};
            }
        }
        return new String[] {new BigDecimal(fraction * 100).toPlainString() + " %",
                new BigDecimal(threshold * 100).toPlainString() + " %"};
    }

    private static String percent(double fraction, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f %%", fraction * 100);
    }

    @Override
    public String toString() {
        return "QualityChecks[threshold " + thresholdFraction + ", checks "
                + Arrays.stream(QualityCheck.values()).map(q -> q.key() + "=" + q.action()).toList() + "]";
    }
}
