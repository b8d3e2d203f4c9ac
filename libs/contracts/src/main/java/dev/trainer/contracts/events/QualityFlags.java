package dev.trainer.contracts.events;

/**
 * Bits of {@link CleanCandlesChunk#qualityFlags()}: why a candle that was kept is still worth a second look, or that
 * it is not a market observation at all. A candle can carry several. docs/DATA_QUALITY.md defines the checks.
 */
public final class QualityFlags {

    /** Volume = 0. */
    public static final int ZERO_VOLUME = 1;
    /** High = low. */
    public static final int FLAT = 1 << 1;
    /**
     * Filled in, not traded: open = high = low = close = the previous close, volume 0 (the {@code is_synthetic}
     * mark). Synthetic candles never count as valid; skip them wherever only market prices will do.
     */
    public static final int SYNTHETIC = 1 << 2;
    /** A repeat in a run of identical closes (every candle of the run after its first). */
    public static final int STALE = 1 << 3;
    /** Its close makes an extreme log return against the recent returns (robust z-score). */
    public static final int SPIKE = 1 << 4;
    /** Its close is far from the median close of the exchanges holding the pair at the same open time. */
    public static final int DIVERGENT = 1 << 5;

    private QualityFlags() {
    }
}
