package dev.trainer.contracts.events;

/** Bits of {@link CleanCandlesChunk#qualityFlags()}: why a candle that was kept is still worth a second look. */
public final class QualityFlags {

    public static final int ZERO_VOLUME = 1;
    public static final int FLAT = 1 << 1;
    /** A candle that was not traded but filled in, marked so nobody mistakes it for a market price. */
    public static final int SYNTHETIC = 1 << 2;

    private QualityFlags() {
    }
}
