package dev.trainer.domain.quality;

import java.util.Arrays;
import java.util.List;

/**
 * The data-quality checks: what each one counts, whether what it finds makes a candle invalid, the flag bit it
 * sets, its default policy and the policies it refuses (with the reason). {@link QualityChecks} applies them;
 * docs/DATA_QUALITY.md explains the choices.
 */
public enum QualityCheck {

    ZERO_VOLUME("zero_volume", CandleFlags.ZERO_VOLUME, true, CleaningPolicy.FLAG, "volume = 0"),
    FLAT("flat", CandleFlags.FLAT, true, CleaningPolicy.FLAG, "high = low"),
    OHLC_INVALID("ohlc_invalid", 0, true, CleaningPolicy.DROP,
            "not low <= min(open, close) <= max(open, close) <= high, or a price <= 0, or a negative volume,"
                    + " or any value NaN or infinite, or a price above 1e12 or a volume above 1e18 (the candle entry"
                    + " check's value rules)"),
    DUPLICATE("duplicates", 0, true, CleaningPolicy.DROP,
            "the open time repeats that of an earlier row (the extra copies; the first arrival is kept unless it"
                    + " fails another dropping check)"),
    OUT_OF_ORDER("out_of_order", 0, true, CleaningPolicy.DROP,
            "the open time is earlier than the latest open time seen before it (a row that is also a duplicate"
                    + " counts as a duplicate only)"),
    MISSING("missing", 0, false, CleaningPolicy.REPORT,
            "expected open times (UTC multiples of the timeframe) absent between the first and the last candle, and"
                    + " the requested period's candle times before the first and after the last (head and tail: never"
                    + " filled, and counted against the valid fraction)"),
    STALE_RUN("stale_runs", CandleFlags.STALE, true, CleaningPolicy.FLAG,
            "every candle after the first of a run of at least stale-runs.min-run-candles consecutive candles with"
                    + " identical closes (consecutive in time among the rows that are not ohlc_invalid, duplicates"
                    + " or out_of_order)"),
    SPIKE("spikes", CandleFlags.SPIKE, true, CleaningPolicy.FLAG,
            "the candle whose close makes a log return with a robust z-score |0.6745 (x - median) / MAD| >="
                    + " spikes.threshold-z against the median and MAD of the spikes.window-returns non-zero"
                    + " close-to-close log returns before it; the return out of a spike is measured from the close"
                    + " before the spike"),
    CROSS_EXCHANGE_DIVERGENCE("cross_exchange_divergence", CandleFlags.DIVERGENT, false, CleaningPolicy.FLAG,
            "|close - median| / median >= cross-exchange.max-deviation-fraction, median = the median close at the"
                    + " same open time over this series and the latest cleaned series of every other exchange for"
                    + " the same pair and timeframe; only candles with at least one other exchange's close");

    private final String key;
    private final int flagBit;
    private final boolean makesInvalid;
    private final CleaningPolicy defaultPolicy;
    private final String definition;

    QualityCheck(String key, int flagBit, boolean makesInvalid, CleaningPolicy defaultPolicy, String definition) {
        this.key = key;
        this.flagBit = flagBit;
        this.makesInvalid = makesInvalid;
        this.defaultPolicy = defaultPolicy;
        this.definition = definition;
    }

    /** The snake_case name used in reports, verdicts and status details. */
    public String key() {
        return key;
    }

    /** The {@link CandleFlags} bit the FLAG policy sets, or 0 when the check cannot flag. */
    public int flagBit() {
        return flagBit;
    }

    /**
     * Whether a candle found by this check is not counted as valid. Cross-exchange divergence is the exception:
     * which other exchanges have been cleaned depends on timing, and the gate must not (docs/DATA_QUALITY.md).
     */
    public boolean makesInvalid() {
        return makesInvalid;
    }

    public CleaningPolicy defaultPolicy() {
        return defaultPolicy;
    }

    public String definition() {
        return definition;
    }

    public boolean allows(CleaningPolicy policy) {
        return refusal(policy) == null;
    }

    public List<CleaningPolicy> allowedPolicies() {
        return Arrays.stream(CleaningPolicy.values()).filter(this::allows).toList();
    }

    /** Why this check refuses a policy, or null when it accepts it. */
    public String refusal(CleaningPolicy policy) {
        return switch (policy) {
            case DROP -> this == MISSING ? "there is no candle to drop at an absent time" : null;
            case FLAG -> switch (this) {
                case OHLC_INVALID -> "a candle with impossible prices cannot stay in a series that is backtested";
                case DUPLICATE, OUT_OF_ORDER -> "keeping the row would break the strictly increasing open times of the"
                        + " cleaned series";
                case MISSING -> "there is no candle to flag at an absent time";
                default -> null;
            };
            case FORWARD_FILL -> switch (this) {
                case OHLC_INVALID, MISSING, SPIKE -> null;
                case ZERO_VOLUME, FLAT, STALE_RUN -> "the fill (open = high = low = close = previous close, volume 0) is"
                        + " itself a flat zero-volume candle: it would replace an observation with a worse copy";
                case DUPLICATE -> "the open time is already held by the first copy";
                case OUT_OF_ORDER -> "rows are never moved, and a late row's time is not an absent time";
                case CROSS_EXCHANGE_DIVERGENCE -> "the candle is a real observation that disagrees with other exchanges;"
                        + " the previous close would agree with none of them";
            };
            case REPORT -> this == MISSING ? null
                    : "a candle a check finds is dropped, replaced or flagged, so that downstream can see it";
        };
    }
}
