package dev.trainer.domain.quality;

/**
 * What the checks counted on one series and the gate's decision. Counts are numbers of rows (candles) as they
 * arrived; each check is counted independently over all rows, so one candle can appear in several counts (a
 * zero-volume flat candle counts in both), except that a row which is both a duplicate and out of order counts as a
 * duplicate only. {@code missing} counts absent grid times, not rows.
 *
 * @param total             rows received
 * @param valid             rows with none of zero_volume, flat, ohlc_invalid, duplicate, out_of_order
 * @param validFraction     valid / total as a fraction 0..1; 0 for an empty series
 * @param thresholdFraction the gate's minimum valid fraction
 * @param passed            validFraction >= thresholdFraction and the cleaned series is not empty
 * @param verdict           why, in plain words with the numbers
 */
public record QualityAssessment(
        int total,
        int zeroVolume,
        int flat,
        int ohlcInvalid,
        int duplicates,
        int outOfOrder,
        int missing,
        int valid,
        double validFraction,
        double thresholdFraction,
        boolean passed,
        String verdict) {

    /** The count of one check. */
    public int count(QualityCheck check) {
        return switch (check) {
            case ZERO_VOLUME -> zeroVolume;
            case FLAT -> flat;
            case OHLC_INVALID -> ohlcInvalid;
            case DUPLICATE -> duplicates;
            case OUT_OF_ORDER -> outOfOrder;
            case MISSING -> missing;
        };
    }
}
