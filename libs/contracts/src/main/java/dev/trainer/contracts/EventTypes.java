package dev.trainer.contracts;

import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.Event;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Which event record travels on which topic, and how event ids are made. */
public final class EventTypes {

    public static final Map<String, Class<? extends Event>> BY_TOPIC;

    static {
        Map<String, Class<? extends Event>> byTopic = new LinkedHashMap<>();
        byTopic.put(Topics.TRAINING_REQUESTS, TrainingRequested.class);
        byTopic.put(Topics.TRAINING_STATUS, TrainingStatus.class);
        byTopic.put(Topics.CANDLES_RAW, RawCandlesChunk.class);
        byTopic.put(Topics.CANDLES_CLEAN, CleanCandlesChunk.class);
        byTopic.put(Topics.BACKTEST_REQUESTS, BacktestRequest.class);
        byTopic.put(Topics.BACKTEST_RESULTS, BacktestResults.class);
        byTopic.put(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class);
        byTopic.put(Topics.CONFIGS_TRAINED, ConfigTrained.class);
        byTopic.put(Topics.BREAKER_EVENTS, BreakerStateChanged.class);
        byTopic.put(Topics.EXECUTIONS, ExecutionReported.class);
        BY_TOPIC = java.util.Collections.unmodifiableMap(byTopic);
    }

    private EventTypes() {
    }

    public static String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * An id that is the same every time it is made from the same parts. Producers that may publish the same
     * thing twice (after a crash, on a redelivered input) use it so that consumers see one event, not two.
     */
    public static String deterministicId(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\u001f", parts).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
