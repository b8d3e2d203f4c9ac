package dev.trainer.contracts.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.trainer.contracts.Nullable;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * What a step did with a job, for progress and for failures that must reach the job's owner.
 * Topic {@code training.status}, key {@code jobId}.
 *
 * @param service the reporting service
 * @param market  the market concerned, or null for the whole job
 * @param state   what happened, one of {@link State}, written as its name; a record without a state or with any other
 *                value (another name, a number) is not a TrainingStatus and does not deserialise
 * @param details numbers that go with the state (counts, fractions), keyed with their units
 */
public record TrainingStatus(
        String eventId,
        int schemaVersion,
        Instant occurredAt,
        String jobId,
        String service,
        @Nullable SeriesRef market,
        State state,
        @Nullable String message,
        @Nullable Map<String, Object> details) implements Event {

    public static final int SCHEMA_VERSION = 1;

    public TrainingStatus {
        Objects.requireNonNull(state, "a training status needs a state");
    }

    /**
     * The states sent on training.status, each about one market, listed by the step that sends them. The published
     * schema lists their names as an enum; a consumer refuses a record whose state is not one of them.
     */
    public enum State {
        /** market-data-service: an exchange failed, but candles of the period are stored and published; the message
         *  names the failure and the span not stored. Sent before the market's MARKET_LOADED. */
        MARKET_WARNING,
        /** market-data-service: the period's stored candles are published on candles.raw (candle, new candle and
         *  chunk counts). */
        MARKET_LOADED,
        /** market-data-service: the market cannot be served (unknown exchange, pair or timeframe, or an exchange that
         *  failed with nothing of the period stored); optimizer-service: the market failed in the optimizer (an
         *  earlier step's MARKET_FAILED or MARKET_REJECTED, a search that could not be planned or go on, a window
         *  with no results in time, an outcome that kept failing, the job past its maximum runtime). The message
         *  gives the reason. */
        MARKET_FAILED,
        /** cleaning-service: the series passed the quality gate and its clean chunks are on candles.clean (verdict
         *  and quality report). */
        MARKET_CLEANED,
        /** cleaning-service: the quality gate refused the series (verdict and quality report); nothing of it goes
         *  on candles.clean. */
        MARKET_REJECTED,
        /** optimizer-service: the market's search is planned and its backtests go out (planned trials). */
        MARKET_OPTIMIZING,
        /** optimizer-service: every window of the market is tested; its outcome is being computed. */
        MARKET_FINALISING,
        /** optimizer-service: the market's outcome is published on optimization.results. */
        MARKET_OPTIMIZED,
        /** validation-service: the market's outcome is validated and its configuration published on
         *  configs.trained, with the lifecycle stage it was given and why. */
        CONFIG_VALIDATED,
        /** config-registry-service: the configuration is stored in the registry (and whether circuit breakers
         *  paused it at once). */
        CONFIG_STORED;

        /** Whether the market ends here without a configuration: MARKET_FAILED or MARKET_REJECTED. */
        public boolean marketFailure() {
            return this == MARKET_FAILED || this == MARKET_REJECTED;
        }

        /**
         * The state of this exact name. Jackson's own reading of an enum would also take a constant's index (3 or
         * "3") and a name with blanks around it, none of which the schema allows.
         */
        @JsonCreator
        public static State of(String name) {
            for (State state : values()) {
                if (state.name().equals(name)) {
                    return state;
                }
            }
            throw new IllegalArgumentException("unknown training status state '" + name + "'; known: "
                    + Arrays.toString(values()));
        }
    }
}
