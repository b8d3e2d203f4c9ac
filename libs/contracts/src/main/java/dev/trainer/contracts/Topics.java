package dev.trainer.contracts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every Kafka topic of the system, its partition count, what its records are keyed by, and which
 * service consumes it. The one place topic names are spelled; services, the local broker, the
 * deployment files and their consistency test all read them from here.
 */
public final class Topics {

    public static final String TRAINING_REQUESTS = "training.requests";
    public static final String TRAINING_STATUS = "training.status";
    public static final String CANDLES_RAW = "candles.raw";
    public static final String CANDLES_CLEAN = "candles.clean";
    public static final String BACKTEST_REQUESTS = "backtest.requests";
    public static final String BACKTEST_RESULTS = "backtest.results";
    public static final String OPTIMIZATION_RESULTS = "optimization.results";
    public static final String CONFIGS_TRAINED = "configs.trained";
    public static final String BREAKER_EVENTS = "breaker.events";
    public static final String EXECUTIONS = "executions";

    /** A topic, how many partitions it gets, and the record key that keeps the order that matters. */
    public record TopicSpec(String name, int partitions, String keyedBy) {
    }

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(TRAINING_REQUESTS, 3, "jobId"),
            new TopicSpec(TRAINING_STATUS, 3, "jobId"),
            new TopicSpec(CANDLES_RAW, 6, "seriesKey (exchange|pair|timeframe)"),
            new TopicSpec(CANDLES_CLEAN, 6, "seriesKey (exchange|pair|timeframe)"),
            new TopicSpec(BACKTEST_REQUESTS, 12, "jobId|batchId"),
            new TopicSpec(BACKTEST_RESULTS, 6, "jobId"),
            new TopicSpec(OPTIMIZATION_RESULTS, 3, "jobId"),
            new TopicSpec(CONFIGS_TRAINED, 3, "configId"),
            new TopicSpec(BREAKER_EVENTS, 3, "scope"),
            new TopicSpec(EXECUTIONS, 6, "configId"));

    /** Consumer group (= service name) to the topics it consumes. Each pair gets its own dead-letter topic. */
    public static final Map<String, List<String>> CONSUMED_BY;

    static {
        Map<String, List<String>> consumed = new LinkedHashMap<>();
        consumed.put("market-data-service", List.of(TRAINING_REQUESTS));
        consumed.put("cleaning-service", List.of(CANDLES_RAW));
        consumed.put("optimizer-service", List.of(TRAINING_REQUESTS, TRAINING_STATUS, CANDLES_CLEAN, BACKTEST_REQUESTS, BACKTEST_RESULTS));
        consumed.put("validation-service", List.of(OPTIMIZATION_RESULTS));
        consumed.put("config-registry-service", List.of(CONFIGS_TRAINED, BREAKER_EVENTS));
        consumed.put("circuit-breaker-service", List.of(CONFIGS_TRAINED, CANDLES_CLEAN, EXECUTIONS));
        CONSUMED_BY = Map.copyOf(consumed);
    }

    private Topics() {
    }

    /** The dead-letter topic of one consuming channel: records that group could not process, with the reason in headers. */
    public static String deadLetter(String topic, String consumerGroup) {
        return "dlq." + topic + "." + consumerGroup;
    }

    public static List<String> deadLetterTopics() {
        return CONSUMED_BY.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(topic -> deadLetter(topic, e.getKey())))
                .sorted()
                .toList();
    }

    /** Every topic the system uses, dead-letter topics included, as the local broker creates them. */
    public static List<TopicSpec> allWithDeadLetters() {
        return Stream.concat(ALL.stream(), deadLetterTopics().stream().map(t -> new TopicSpec(t, 1, "as the original record")))
                .toList();
    }
}
