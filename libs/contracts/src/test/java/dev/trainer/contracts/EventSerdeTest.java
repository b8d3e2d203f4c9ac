package dev.trainer.contracts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.serde.JsonEventDeserializer;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSerdeTest {

    private final JsonEventSerializer serializer = new JsonEventSerializer();

    @Test
    void trainingRequestSurvivesTheWireAndListsEveryMarket() {
        TrainingRequested request = new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION,
                Instant.parse("2026-01-02T03:04:05Z"), "job-1", "alice", "SMA_CROSSOVER", List.of("BTC/USD", "ETH/USD"),
                List.of("bitstamp-2013"), List.of("1h", "15m"),
                new TrainingRequested.Optimization("random", 20, null, 42, "net_profit", 1,
                        Map.of("fast", List.of(5, 10), "slow", Map.of("min", 20, "max", 60, "type", "int"))),
                new TrainingRequested.Validation("train_test_split", null, null, null, 0.7), 12, null, null, null, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
        byte[] bytes = serializer.serialize(Topics.TRAINING_REQUESTS, request);
        String json = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"occurredAt\":\"2026-01-02T03:04:05Z\""), json);

        Object back = new JsonEventDeserializer().deserialize(Topics.TRAINING_REQUESTS, bytes);
        assertEquals(request, back);
        assertEquals(4, ((TrainingRequested) back).markets().size());
        assertEquals(new SeriesRef("bitstamp-2013", "ETH/USD", "15m"), ((TrainingRequested) back).markets().get(3));
    }

    @Test
    void candleColumnsKeepTheirValues() {
        RawCandlesChunk chunk = new RawCandlesChunk("e", 1, Instant.EPOCH, "job", new SeriesRef("x", "A/B", "1m"),
                Instant.EPOCH, Instant.EPOCH.plusSeconds(120), 0, 1,
                new CandleColumns(new long[] {0, 60_000}, new double[] {1, 2}, new double[] {3, 4}, new double[] {0.5, 1},
                        new double[] {2, 3}, new double[] {10, 0}));
        RawCandlesChunk back = (RawCandlesChunk) new JsonEventDeserializer()
                .deserialize(Topics.CANDLES_RAW, serializer.serialize(Topics.CANDLES_RAW, chunk));
        assertArrayEquals(chunk.candles().openTimeMs(), back.candles().openTimeMs());
        assertArrayEquals(chunk.candles().volume(), back.candles().volume());
    }

    @Test
    void backtestResultColumnsKeepEveryBitIncludingUndefinedScores() {
        double[] scores = {0.1 + 0.2, Double.NaN, -1.5e-300, Double.MIN_VALUE, 1 / 3.0};
        BacktestResults results = new BacktestResults("e", BacktestResults.SCHEMA_VERSION, Instant.EPOCH, "r", "job", "b",
                new SeriesRef("x", "A/B", "1m"), 0, "SEARCH", "w", 3, 7, scores.length, scores, List.of("trade_count"),
                List.of(new double[] {1, 2, Double.NaN, 4, 5}), List.of(new BacktestResults.TrialError(8, "boom")), null);
        BacktestResults back = (BacktestResults) new JsonEventDeserializer()
                .deserialize(Topics.BACKTEST_RESULTS, serializer.serialize(Topics.BACKTEST_RESULTS, results));
        assertArrayEquals(scores, back.scores()); // bit for bit: NaN is NaN
        assertArrayEquals(results.metricValues().get(0), back.metricValues().get(0));
        assertEquals(results.errors(), back.errors());
        assertEquals(7, back.firstTrial());
    }

    @Test
    void aTrainingStatusStateGoesOnTheWireAsItsName() {
        TrainingStatus status = new TrainingStatus("e", TrainingStatus.SCHEMA_VERSION, Instant.EPOCH, "job", "cleaning-service",
                new SeriesRef("x", "A/B", "1m"), TrainingStatus.State.MARKET_REJECTED, "refused", Map.of("valid_fraction", 0.12));
        byte[] bytes = serializer.serialize(Topics.TRAINING_STATUS, status);
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("\"state\":\"MARKET_REJECTED\""),
                new String(bytes, StandardCharsets.UTF_8));
        assertEquals(status, new JsonEventDeserializer().deserialize(Topics.TRAINING_STATUS, bytes));
        for (TrainingStatus.State state : TrainingStatus.State.values()) {
            assertEquals(state, TrainingStatus.State.of(state.name()));
        }
    }

    /**
     * A state no producer sends is not a TrainingStatus: the deserializer throws, so the consumer's channel sends the
     * record to its dead-letter topic with the reason (fail-on-deserialization-failure=false) instead of acting on it.
     * Nor is a constant's index, a name with blanks, another case, or no state at all.
     */
    @Test
    void aTrainingStatusWithAStateNoProducerSendsIsRefusedWithTheKnownStates() {
        String json = "{\"eventId\":\"e\",\"schemaVersion\":1,\"occurredAt\":\"2026-01-01T00:00:00Z\",\"jobId\":\"job\","
                + "\"service\":\"optimizer-service\",\"market\":null,%s\"message\":null,\"details\":null}";
        for (String state : new String[] {"\"PROGRESS\"", "2", "\"2\"", "\" MARKET_FAILED\"", "\"market_failed\"", "\"\""}) {
            byte[] bytes = String.format(json, "\"state\":" + state + ",").getBytes(StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new JsonEventDeserializer().deserialize(Topics.TRAINING_STATUS, bytes), state);
            assertTrue(e.getMessage().contains("TrainingStatus") && e.getMessage().contains("unknown training status state")
                    && e.getMessage().contains(Arrays.toString(TrainingStatus.State.values())), e.getMessage());
        }
        for (String noState : new String[] {"", "\"state\":null,"}) {
            byte[] bytes = String.format(json, noState).getBytes(StandardCharsets.UTF_8);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new JsonEventDeserializer().deserialize(Topics.TRAINING_STATUS, bytes), noState);
            assertTrue(e.getMessage().contains("needs a state"), e.getMessage());
        }
        assertEquals(TrainingStatus.State.MARKET_FAILED, ((TrainingStatus) new JsonEventDeserializer().deserialize(
                Topics.TRAINING_STATUS, String.format(json, "\"state\":\"MARKET_FAILED\",").getBytes(StandardCharsets.UTF_8)))
                .state());
    }

    @Test
    void onlyFailedAndRejectedEndAMarket() {
        assertEquals(List.of(TrainingStatus.State.MARKET_FAILED, TrainingStatus.State.MARKET_REJECTED),
                Arrays.stream(TrainingStatus.State.values()).filter(TrainingStatus.State::marketFailure).toList());
    }

    @Test
    void malformedRecordsFailWithTheTypeInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new JsonEventDeserializer().deserialize(Topics.TRAINING_REQUESTS, "{not json".getBytes()));
        assertTrue(e.getMessage().contains("TrainingRequested"), e.getMessage());
    }

    @Test
    void deterministicIdsRepeatAndDiffer() {
        assertEquals(EventTypes.deterministicId("job", "m"), EventTypes.deterministicId("job", "m"));
        assertTrue(!EventTypes.deterministicId("job", "m").equals(EventTypes.deterministicId("jo", "bm")));
    }

    @Test
    void everyConsumedTopicExistsAndHasADeadLetterTopic() {
        List<String> names = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
        Topics.CONSUMED_BY.forEach((group, topics) -> topics.forEach(topic -> {
            assertTrue(names.contains(topic), group + " consumes unknown topic " + topic);
            assertTrue(Topics.deadLetterTopics().contains(Topics.deadLetter(topic, group)));
        }));
    }
}
