package dev.trainer.contracts.events;

/**
 * What the data-quality checks counted on one series. Counts are numbers of candles; {@code validFraction}
 * is valid / total as a fraction (0..1), never a percentage.
 *
 * @param missing expected candle open times absent between the first and the last candle
 */
public record QualityReport(
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
}
