package dev.trainer.domain.quality;

/**
 * The data-quality checks, what each one counts and what cleaning does with the candles it finds. This enum is the
 * policy as applied by {@link QualityChecks}; the cleaning service publishes it as is.
 */
public enum QualityCheck {

    ZERO_VOLUME("zero_volume", Action.FLAG, true, "volume = 0"),
    FLAT("flat", Action.FLAG, true, "high = low"),
    OHLC_INVALID("ohlc_invalid", Action.DROP, true,
            "not low <= min(open, close) <= max(open, close) <= high, or a price <= 0, or a negative volume,"
                    + " or any value NaN or infinite"),
    DUPLICATE("duplicates", Action.DROP, true,
            "the open time repeats that of an earlier row (the extra copies; the first arrival is kept unless it"
                    + " fails another dropping check)"),
    OUT_OF_ORDER("out_of_order", Action.DROP, true,
            "the open time is earlier than the latest open time seen before it (a row that is also a duplicate"
                    + " counts as a duplicate only)"),
    MISSING("missing", Action.REPORT, false,
            "expected open times (UTC multiples of the timeframe) absent between the first and the last candle;"
                    + " nothing is filled in");

    /** What cleaning does with a candle a check finds. */
    public enum Action {
        /** Removed from the cleaned series. */
        DROP,
        /** Kept, with its bit set in the candle's flag mask. */
        FLAG,
        /** Only counted (there is no candle to drop or flag). */
        REPORT
    }

    private final String key;
    private final Action action;
    private final boolean makesInvalid;
    private final String definition;

    QualityCheck(String key, Action action, boolean makesInvalid, String definition) {
        this.key = key;
        this.action = action;
        this.makesInvalid = makesInvalid;
        this.definition = definition;
    }

    /** The snake_case name used in reports, verdicts and status details. */
    public String key() {
        return key;
    }

    public Action action() {
        return action;
    }

    /** Whether a candle found by this check is not counted as valid. */
    public boolean makesInvalid() {
        return makesInvalid;
    }

    public String definition() {
        return definition;
    }
}
