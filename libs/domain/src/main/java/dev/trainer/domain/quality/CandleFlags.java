package dev.trainer.domain.quality;

/**
 * Bits of the per-candle flag mask of a {@link CleanedSeries}: why a candle that was kept is still worth a second
 * look, or that it was filled in. The values are those of the wire contract
 * ({@code dev.trainer.contracts.events.QualityFlags}), so a mask goes onto {@code candles.clean} unchanged.
 */
public final class CandleFlags {

    /** Nothing traded in the interval: volume = 0. */
    public static final int ZERO_VOLUME = 1;
    /** The price did not move in the interval: high = low. */
    public static final int FLAT = 1 << 1;
    /**
     * Not a market observation: filled in by a forward-fill policy (open = high = low = close = the previous close,
     * volume 0). Never counted as valid.
     */
    public static final int SYNTHETIC = 1 << 2;
    /** Part of a run of identical closes, after its first candle ({@link QualityCheck#STALE_RUN}). */
    public static final int STALE = 1 << 3;
    /** Its close made an extreme return ({@link QualityCheck#SPIKE}). */
    public static final int SPIKE = 1 << 4;
    /** Its close is far from the median close of the exchanges at the same open time. */
    public static final int DIVERGENT = 1 << 5;

    private CandleFlags() {
    }

    public static boolean has(int mask, int flag) {
        return (mask & flag) != 0;
    }
}
