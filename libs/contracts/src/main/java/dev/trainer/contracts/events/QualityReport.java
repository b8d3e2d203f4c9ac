package dev.trainer.contracts.events;

import java.util.List;

/**
 * What the data-quality checks counted on one series, what cleaning made of it, and the gate's decision
 * (docs/DATA_QUALITY.md defines each count). Counts are numbers of candles; {@code validFraction},
 * {@code qualityScore} and {@code thresholdFraction} are fractions (0..1); {@code validPct} is the one percentage
 * (0..100), named so, because the diagnosis's report calls for it.
 *
 * @param missing                 expected candle open times absent between the first and the last candle, and those
 *                                of the requested period before the first and after the last (head and tail)
 * @param staleRuns               candles after the first of a run of identical closes
 * @param spikes                  candles whose close makes an extreme log return (robust z-score)
 * @param crossExchangeDivergence candles whose close is far from the median close of the exchanges at that time
 * @param crossExchangeCompared   candles that had at least one other exchange's close at their time
 * @param crossExchangeReferences the other exchanges compared with (empty: none was known)
 * @param valid                   candles no check found wrong (cross-exchange divergence does not count against it)
 * @param validFraction           valid / (total + the period's times missing at its head and tail)
 * @param validPct                validFraction x 100
 * @param synthetic               candles filled in by a forward-fill policy ({@link QualityFlags#SYNTHETIC})
 * @param unfilled                candle times a forward-fill policy left as a gap (run over the limit)
 * @param cleanCandleCount        candles in the cleaned series, synthetic ones included
 * @param qualityScore            valid candles in the cleaned series / cleanCandleCount
 */
public record QualityReport(
        int total,
        int zeroVolume,
        int flat,
        int ohlcInvalid,
        int duplicates,
        int outOfOrder,
        int missing,
        int staleRuns,
        int spikes,
        int crossExchangeDivergence,
        int crossExchangeCompared,
        List<String> crossExchangeReferences,
        int valid,
        double validFraction,
        double validPct,
        int synthetic,
        int unfilled,
        int cleanCandleCount,
        double qualityScore,
        double thresholdFraction,
        boolean passed,
        String verdict) {
}
