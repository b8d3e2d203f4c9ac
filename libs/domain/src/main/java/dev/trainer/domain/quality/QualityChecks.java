package dev.trainer.domain.quality;

import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleEntryCheck;
import dev.trainer.domain.market.OhlcvColumns;
import dev.trainer.domain.market.Timeframe;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The data-quality checks and the gate in front of training (the first version trained on a series that was 19 %
 * zero-volume and 38 % flat candles and learned nothing but noise). docs/DATA_QUALITY.md is the reference for every
 * definition and default.
 *
 * <p>Takes a series in arrival order and counts, per row:
 * <ul>
 * <li>{@code zero_volume}: volume = 0;</li>
 * <li>{@code flat}: high = low;</li>
 * <li>{@code ohlc_invalid}: not low <= min(open, close) <= max(open, close) <= high, or a price <= 0, or a value
 * that is NaN; also a negative volume, an infinite value or one above the entry check's largest price or volume,
 * which are not market observations either ({@link CandleEntryCheck#valuesProblem}, the same rule);</li>
 * <li>{@code duplicates}: rows whose open time repeats an earlier row's (the extra copies);</li>
 * <li>{@code out_of_order}: rows whose open time is earlier than the latest open time seen before them. A row that
 * is both (its time repeats an earlier row's and is earlier than the latest seen, as the last row of 1, 2, 1) is
 * counted as a <b>duplicate only</b>, so the two counts never overlap: repeating a time is the more specific
 * fault, and late arrival of a time already held loses nothing;</li>
 * <li>{@code missing}: expected open times (UTC multiples of the timeframe's duration) absent between the first and
 * the last open time received. Counted on what arrived, whatever else is wrong with those rows, so a time held only
 * by a dropped row is not also counted missing. When the series was asked for a {@link RequestedPeriod}, also the
 * period's expected candle times before the first time received ({@code missingHead}; all of them when nothing
 * arrived) and after the last ({@code missingTail}): a series shorter than its period;</li>
 * <li>{@code stale_runs}, {@code spikes} and {@code cross_exchange_divergence} ({@link StaleRuns},
 * {@link ReturnSpikes}, {@link CrossExchangeDivergence}): on the rows that are neither ohlc_invalid, duplicates nor
 * out of order, which arrive in strictly increasing time.</li>
 * </ul>
 * A row is <em>valid</em> when no check that {@linkplain QualityCheck#makesInvalid() makes a candle invalid} found
 * it; {@code validFraction = valid / (total + missingHead + missingTail)}, 0 when that is 0. The period's times
 * missing at its start and end count as candles that are not valid, so that a series holding only part of its
 * period cannot pass on the part it holds; times missing between rows do not (validity is about what arrived).
 *
 * <p>Cleaning then applies each check's policy ({@link QualitySettings}, {@link CleanedSeriesAssembler}). Rows are
 * never moved: every row that is neither a duplicate nor out of order has a time later than all rows before it,
 * so the cleaned series is strictly increasing in time as it stands. The cleaned series gets a
 * {@link SeriesFingerprint}, and a quality score: the valid share of its candles, synthetic ones counting as not
 * valid.
 *
 * <p>The gate passes a series iff {@code validFraction >= thresholdFraction} and the cleaned series is not empty.
 * The default threshold, 0.70, is the diagnosis's decision point ("if valid_pct < 70 %, data quality is your primary
 * issue").
 */
public final class QualityChecks {

    private final QualitySettings settings;

    public QualityChecks() {
        this(QualitySettings.defaults());
    }

    /** The default settings with another threshold. @param thresholdFraction 0..1 (0.70 = 70 %) */
    public QualityChecks(double thresholdFraction) {
        this(QualitySettings.defaults().withThresholdFraction(thresholdFraction));
    }

    public QualityChecks(QualitySettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public QualitySettings settings() {
        return settings;
    }

    public double thresholdFraction() {
        return settings.thresholdFraction();
    }

    /** Checks candles given in arrival order, with no other exchange to compare with. */
    public QualityResult check(Timeframe timeframe, List<Candle> candlesInArrivalOrder) {
        Objects.requireNonNull(candlesInArrivalOrder, "candles");
        return check(timeframe, OhlcvColumns.of(candlesInArrivalOrder), Map.of());
    }

    /** Checks candles given column-wise in arrival order (the arrays are not modified), with no other exchange. */
    public QualityResult check(Timeframe timeframe, long[] openTimeMs, double[] open, double[] high, double[] low,
            double[] close, double[] volume) {
        return check(timeframe, new OhlcvColumns(openTimeMs, open, high, low, close, volume), Map.of());
    }

    /**
     * Checks rows given in arrival order (the arrays are not modified), without a requested period: nothing is
     * missing at the head or tail.
     *
     * @param otherExchanges by exchange name, the valid closes of the same pair and timeframe on other exchanges
     *                       ({@link QualityResult#validCloses()} of their own check)
     */
    public QualityResult check(Timeframe timeframe, OhlcvColumns rows, Map<String, CloseSeries> otherExchanges) {
        return check(timeframe, rows, otherExchanges, null);
    }

    /**
     * Checks rows given in arrival order (the arrays are not modified), asked for {@code period}: its expected candle
     * times before the first and after the last time received count as missing and as candles that are not valid.
     *
     * @param otherExchanges by exchange name, the valid closes of the same pair and timeframe on other exchanges
     *                       ({@link QualityResult#validCloses()} of their own check)
     * @param period         the period the series was asked for, or null for none
     */
    public QualityResult check(Timeframe timeframe, OhlcvColumns rows, Map<String, CloseSeries> otherExchanges,
            RequestedPeriod period) {
        Objects.requireNonNull(timeframe, "timeframe");
        Objects.requireNonNull(otherExchanges, "otherExchanges");
        long[] t = rows.openTimeMs();
        double[] o = rows.open(), h = rows.high(), l = rows.low(), c = rows.close(), v = rows.volume();
        int n = t.length;
        if (o.length != n || h.length != n || l.length != n || c.length != n || v.length != n) {
            throw new IllegalArgumentException("column lengths differ: time=" + n + ", open=" + o.length + ", high="
                    + h.length + ", low=" + l.length + ", close=" + c.length + ", volume=" + v.length);
        }
        int[] findings = new int[n];
        int[] timeline = new int[n];
        int timelineSize = 0;
        Set<Long> seen = new HashSet<>(Math.max(16, n * 2));
        long latest = Long.MIN_VALUE;
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            earliest = Math.min(earliest, t[i]);
            boolean isDuplicate = !seen.add(t[i]);
            boolean isOutOfOrder = !isDuplicate && i > 0 && t[i] < latest;
            latest = i == 0 ? t[i] : Math.max(latest, t[i]);
            findings[i] = (v[i] == 0 ? bit(QualityCheck.ZERO_VOLUME) : 0)
                    | (h[i] == l[i] ? bit(QualityCheck.FLAT) : 0)
                    | (!ohlcValid(o[i], h[i], l[i], c[i], v[i]) ? bit(QualityCheck.OHLC_INVALID) : 0)
                    | (isDuplicate ? bit(QualityCheck.DUPLICATE) : 0)
                    | (isOutOfOrder ? bit(QualityCheck.OUT_OF_ORDER) : 0);
            if (!(isDuplicate || isOutOfOrder)) {
                timeline[timelineSize++] = i;
            }
        }
        timeline = Arrays.copyOf(timeline, timelineSize);

        int[] sound = Arrays.stream(timeline).filter(i -> (findings[i] & bit(QualityCheck.OHLC_INVALID)) == 0).toArray();
        long[] soundTime = new long[sound.length];
        double[] soundClose = new double[sound.length];
        for (int k = 0; k < sound.length; k++) {
            soundTime[k] = t[sound[k]];
            soundClose[k] = c[sound[k]];
        }
        Map<String, CloseSeries> others = new TreeMap<>(otherExchanges);
        boolean[] stale = StaleRuns.find(soundClose, settings.staleMinRunCandles());
        boolean[] spike = ReturnSpikes.find(soundClose, settings.spikeWindowReturns(), settings.spikeThresholdZ());
        CrossExchangeDivergence.Found divergence = CrossExchangeDivergence.find(soundTime, soundClose, others.values(),
                settings.divergenceMaxDeviationFraction());
        for (int k = 0; k < sound.length; k++) {
            findings[sound[k]] |= (stale[k] ? bit(QualityCheck.STALE_RUN) : 0) | (spike[k] ? bit(QualityCheck.SPIKE) : 0)
                    | (divergence.divergent()[k] ? bit(QualityCheck.CROSS_EXCHANGE_DIVERGENCE) : 0);
        }

        int[] counts = new int[QualityCheck.values().length];
        int valid = 0;
        int invalidating = CleanedSeriesAssembler.invalidatingBits();
        for (int f : findings) {
            for (QualityCheck check : QualityCheck.values()) {
                counts[check.ordinal()] += (f & bit(check)) != 0 ? 1 : 0;
            }
            valid += (f & invalidating) == 0 ? 1 : 0;
        }
        CleanedSeriesAssembler.Assembled cleaned = CleanedSeriesAssembler.assemble(timeframe, rows, timeline, findings,
                seen, settings);
        int[] outside = outsideMissing(timeframe, period, n, earliest, latest);
        int missingHead = outside[0], missingTail = outside[1];
        counts[QualityCheck.MISSING.ordinal()] = (int) Math.min(Integer.MAX_VALUE,
                (long) cleaned.missing() + missingHead + missingTail);

        int size = cleaned.series().size();
        long validBase = (long) n + missingHead + missingTail;
        double validFraction = validBase == 0 ? 0.0 : (double) valid / validBase;
        double qualityScore = size == 0 ? 0.0 : (double) cleaned.validKept() / size;
        boolean passed = n > 0 && size > 0 && validFraction >= settings.thresholdFraction();
        List<String> references = List.copyOf(others.keySet());
        String verdict = verdict(n, missingHead, missingTail, counts, divergence.compared(), references, cleaned,
                validFraction, passed);
        QualityAssessment report = new QualityAssessment(n, counts[QualityCheck.ZERO_VOLUME.ordinal()],
                counts[QualityCheck.FLAT.ordinal()], counts[QualityCheck.OHLC_INVALID.ordinal()],
                counts[QualityCheck.DUPLICATE.ordinal()], counts[QualityCheck.OUT_OF_ORDER.ordinal()],
                counts[QualityCheck.MISSING.ordinal()], missingHead, missingTail, counts[QualityCheck.STALE_RUN.ordinal()],
                counts[QualityCheck.SPIKE.ordinal()], counts[QualityCheck.CROSS_EXCHANGE_DIVERGENCE.ordinal()],
                divergence.compared(), references, valid, validFraction, cleaned.synthetic(), cleaned.unfilled(), size,
                qualityScore, settings.thresholdFraction(), passed, verdict);
        return new QualityResult(report, cleaned.series(), validCloses(sound, findings, invalidating, t, c));
    }

    /**
     * The period's expected candle times before the earliest and after the latest time received: {head, tail}. A
     * time received off the grid still bounds them (the slots between it and the next grid time are the interior's
     * business, as for {@code missing} between rows). With nothing received, every expected time is the head.
     */
    static int[] outsideMissing(Timeframe timeframe, RequestedPeriod period, int rows, long earliest, long latest) {
        if (period == null) {
            return new int[] {0, 0};
        }
        long d = timeframe.durationMs();
        long first = period.firstSlot(timeframe);
        long end = period.endSlot(timeframe);
        if (rows == 0) {
            return new int[] {saturated(end - first), 0};
        }
        // slots s with s * d < earliest, and with s * d > latest
        long head = Math.max(0, Math.min(end, Math.ceilDiv(earliest, d)) - first);
        long tail = Math.max(0, end - Math.max(first, Math.floorDiv(latest, d) + 1));
        return new int[] {saturated(head), saturated(tail)};
    }

    private static int saturated(long count) {
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    private static int bit(QualityCheck check) {
        return CleanedSeriesAssembler.bit(check);
    }

    private static CloseSeries validCloses(int[] sound, int[] findings, int invalidating, long[] t, double[] c) {
        int[] valid = Arrays.stream(sound).filter(i -> (findings[i] & invalidating) == 0).toArray();
        long[] times = new long[valid.length];
        double[] closes = new double[valid.length];
        for (int k = 0; k < valid.length; k++) {
            times[k] = t[valid[k]];
            closes[k] = c[valid[k]];
        }
        return new CloseSeries(times, closes);
    }

    /** low <= min(open, close) <= max(open, close) <= high, every price > 0, volume >= 0, all finite. */
    // the entry check's value rules: a candle ohlc_invalid here is one every entry point refuses (docs/MARKET_DATA.md)
    static boolean ohlcValid(double open, double high, double low, double close, double volume) {
        return CandleEntryCheck.valuesProblem(open, high, low, close, volume) == null;
    }

    private String verdict(int total, int missingHead, int missingTail, int[] counts, int compared,
            List<String> references, CleanedSeriesAssembler.Assembled cleaned, double validFraction, boolean passed) {
        String[] pct = percents(validFraction, settings.thresholdFraction());
        String list = list(counts, missingHead, missingTail, compared, references);
        if (total == 0) {
            return "refused: the series has no candles, so none is valid (0.0 % against the " + pct[1]
                    + " threshold); there is nothing to train on"
                    + (missingHead > 0 ? " (the requested period expects " + candles(missingHead) + ")" : "");
        }
        String outOf = outOf(total, missingHead, missingTail);
        if (cleaned.series().isEmpty()) {
            return "refused: no candle is left after cleaning: all " + candles(total) + " were dropped (" + list
                    + "); " + pct[0] + " valid against the " + pct[1] + " threshold";
        }
        if (!passed) {
            return "refused: " + pct[0] + " of " + outOf + " valid, below the " + pct[1] + " threshold (" + list + ")";
        }
        return "passed: " + pct[0] + " of " + outOf + " valid, at or above the " + pct[1] + " threshold ("
                + list + "); " + candles(cleaned.kept()) + " kept (" + cleaned.flagged() + " flagged), "
                + (total - cleaned.kept()) + " dropped, " + cleaned.synthetic() + " synthetic"
                + (cleaned.unfilled() > 0 ? ", " + cleaned.unfilled() + " left unfilled" : "");
    }

    /** What valid is counted out of: the rows, and the period's times missing at its start and end if any. */
    private static String outOf(int total, int missingHead, int missingTail) {
        int outside = missingHead + missingTail;
        return outside == 0 ? candles(total)
                : candles(total + outside) + " (" + total + " received, " + outside
                        + " of the requested period missing at its start or end)";
    }

    /** Every check's count in enum order; the cross-exchange count says against what it was taken. */
    private static String list(int[] counts, int missingHead, int missingTail, int compared, List<String> references) {
        StringBuilder out = new StringBuilder();
        for (QualityCheck check : QualityCheck.values()) {
            out.append(out.isEmpty() ? "" : ", ").append(check.key()).append(' ').append(counts[check.ordinal()]);
            if (check == QualityCheck.MISSING && missingHead + missingTail > 0) {
                out.append(" (").append(missingHead).append(" before the first candle, ").append(missingTail)
                        .append(" after the last)");
            }
        }
        out.append(references.isEmpty() ? " (no other exchange)"
                : " of " + compared + " compared with " + String.join(", ", references));
        return out.toString();
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
        return "QualityChecks[" + settings.describe() + "]";
    }
}
