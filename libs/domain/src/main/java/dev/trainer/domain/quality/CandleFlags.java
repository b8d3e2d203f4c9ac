package dev.trainer.domain.quality;

/**
 * Bits of the per-candle flag mask of a {@link CleanedSeries}: why a candle that was kept is still worth a second
 * look. The values are those of the wire contract ({@code dev.trainer.contracts.events.QualityFlags}), so a mask goes
 * onto {@code candles.clean} unchanged.
 */
public final class CandleFlags {

    /** Nothing traded in the interval: volume = 0. */
    public static final int ZERO_VOLUME = 1;
    /** The price did not move in the interval: high = low. */
    public static final int FLAT = 1 << 1;

    private CandleFlags() {
    }

    public static boolean has(int mask, int flag) {
        return (mask & flag) != 0;
    }
}
