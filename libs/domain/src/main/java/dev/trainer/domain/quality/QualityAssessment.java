package dev.trainer.domain.quality;

import java.util.List;

/**
 * What the checks counted on one series, what cleaning made of it, and the gate's decision. Counts are numbers of
 * rows (candles) as they arrived; each check is counted independently, so one candle can appear in several counts
 * (a zero-volume flat candle counts in both), except that a row which is both a duplicate and out of order counts
 * as a duplicate only. {@code missing}, {@code synthetic} and {@code unfilled} count candle times, not rows.
 *
 * @param total                   rows received
 * @param missing                 absent grid times: between the first and the last time received, plus
 *                                {@code missingHead} and {@code missingTail}
 * @param missingHead             expected candle times of the requested period ({@link RequestedPeriod}) before the
 *                                first time received (all of them when nothing was received); 0 without a period
 * @param missingTail             expected candle times of the requested period after the last time received; 0
 *                                without a period
 * @param staleRuns               candles after the first of runs of identical closes
 * @param crossExchangeDivergence candles diverging from the cross-exchange median close
 * @param crossExchangeCompared   candles that had at least one other exchange's close at their time
 * @param crossExchangeReferences the other exchanges compared with, sorted; empty when none was known
 * @param valid                   rows that no check found, except cross-exchange divergence which does not count
 *                                against validity ({@link QualityCheck#makesInvalid()})
 * @param validFraction           valid / {@link #validBase()} as a fraction 0..1; 0 when that is 0
 * @param synthetic               candles filled in by a forward-fill policy
 * @param unfilled                candle times a forward-fill policy left empty: their run was longer than the
 *                                limit, or had no previous close
 * @param cleanCandleCount        candles in the cleaned series, synthetic ones included
 * @param qualityScore            valid candles in the cleaned series / cleanCandleCount, 0..1; 0 when empty
 * @param thresholdFraction       the gate's minimum valid fraction
 * @param passed                  validFraction >= thresholdFraction and the cleaned series is not empty
 * @param verdict                 why, in plain words with the numbers
 */
public record QualityAssessment(
        int total,
        int zeroVolume,
        int flat,
        int ohlcInvalid,
        int duplicates,
        int outOfOrder,
        int missing,
        int missingHead,
        int missingTail,
        int staleRuns,
        int spikes,
        int crossExchangeDivergence,
        int crossExchangeCompared,
        List<String> crossExchangeReferences,
        int valid,
        double validFraction,
        int synthetic,
        int unfilled,
        int cleanCandleCount,
        double qualityScore,
        double thresholdFraction,
        boolean passed,
        String verdict) {

    public QualityAssessment {
        crossExchangeReferences = List.copyOf(crossExchangeReferences);
    }

    /**
     * What the valid count is taken out of: the rows received plus the requested period's candle times missing before
     * the first and after the last of them ({@code total + missingHead + missingTail}). Times missing between rows
     * are not in it: validity is about what arrived, and a series shorter than its period counts the rest as not valid.
     */
    public long validBase() {
        return (long) total + missingHead + missingTail;
    }

    /** valid / {@link #validBase()} as a percentage, 0..100 (the diagnosis's valid_pct); 0 when that is 0. */
    public double validPct() {
        long base = validBase();
        return base == 0 ? 0.0 : 100.0 * valid / base;
    }

    /** The count of one check. */
    public int count(QualityCheck check) {
        return switch (check) {
            case ZERO_VOLUME -> zeroVolume;
            case FLAT -> flat;
            case OHLC_INVALID -> ohlcInvalid;
            case DUPLICATE -> duplicates;
            case OUT_OF_ORDER -> outOfOrder;
            case MISSING -> missing;
            case STALE_RUN -> staleRuns;
            case SPIKE -> spikes;
            case CROSS_EXCHANGE_DIVERGENCE -> crossExchangeDivergence;
        };
    }
}
