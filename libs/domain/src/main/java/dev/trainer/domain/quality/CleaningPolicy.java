package dev.trainer.domain.quality;

import java.util.Locale;

/** What cleaning does with what a {@link QualityCheck} finds; which policies a check accepts is up to the check. */
public enum CleaningPolicy {

    /** The candle is removed from the cleaned series. */
    DROP,
    /** The candle is kept, with the check's bit set in its flag mask. */
    FLAG,
    /**
     * The candle (or the absent candle time) is replaced by a synthetic candle: open = high = low = close = the
     * previous close in the cleaned series, volume 0, flag {@link CandleFlags#SYNTHETIC}; only for runs of at most
     * the configured length that have a previous close.
     */
    FORWARD_FILL,
    /** Only counted: for absent candle times, which have no candle to drop or flag. */
    REPORT;

    /** How the policy is written in configuration and reports: drop, flag, forward-fill, report. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
