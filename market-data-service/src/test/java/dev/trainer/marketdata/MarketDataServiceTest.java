package dev.trainer.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.RawCandlesChunk;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.events.TrainingStatus.State;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** Against a real Kafka broker and PostgreSQL: training requests in, stored candles and candles.raw out. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class MarketDataServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration LINGER = Duration.ofSeconds(3);
    private static final long HOUR_MS = 3_600_000L;

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    private static TrainingRequested request(String eventId, String jobId, String exchange, String timeframe, Instant from,
            Instant until) {
        return new TrainingRequested(eventId, TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "tester",
                "SMA_CROSSOVER", List.of("BTC/USD"), List.of(exchange), List.of(timeframe),
                new TrainingRequested.Optimization("grid", null, null, 1, "net_profit", 1, null), null, 1, from, until, null, 1,
                null);
    }

    private List<RawCandlesChunk> chunks(String jobId, int expected) {
        return kafka.read(Topics.CANDLES_RAW, RawCandlesChunk.class, c -> c.jobId().equals(jobId), expected, WAIT, LINGER)
                .stream().sorted(Comparator.comparingInt(RawCandlesChunk::chunkIndex)).toList();
    }

    @Test
    void theBundledTradesBecomeOneMinuteCandlesPublishedInOrderedChunks() throws Exception {
        String jobId = "bitstamp-1m-" + UUID.randomUUID();
        Instant from = Instant.parse("2013-11-25T00:00:00Z");
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(EventTypes.newEventId(), jobId, "bitstamp-2013", "1m", from,
                Instant.parse("2013-12-02T00:00:00Z")));

        TrainingStatus loaded = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), 1, WAIT,
                Duration.ZERO).get(0);
        assertEquals(State.MARKET_LOADED, loaded.state(), loaded.message());
        int candleCount = ((Number) loaded.details().get("candle_count")).intValue();
        int chunkCount = ((Number) loaded.details().get("chunk_count")).intValue();
        assertTrue(candleCount > 2000, "a week of 1m candles spans several 2,000-candle chunks: " + candleCount);
        assertEquals((candleCount + 1999) / 2000, chunkCount);

        List<RawCandlesChunk> chunks = chunks(jobId, chunkCount);
        assertEquals(chunkCount, chunks.size(), "each chunk exactly once");
        long previous = Long.MIN_VALUE;
        int total = 0;
        for (int i = 0; i < chunks.size(); i++) {
            RawCandlesChunk chunk = chunks.get(i);
            assertEquals(i, chunk.chunkIndex());
            assertEquals(chunkCount, chunk.chunkCount());
            for (long t : chunk.candles().requireConsistent().openTimeMs()) {
                assertTrue(t > previous, "open times increase across chunks");
                assertEquals(0, t % 60_000, "aligned to the minute");
                previous = t;
            }
            total += chunk.candles().size();
        }
        assertEquals(candleCount, total);
        // the first recorded trade: 2013-11-25T00:00:00Z at 800.01 USD
        assertEquals(from.toEpochMilli(), chunks.get(0).candles().openTimeMs()[0]);
        assertEquals(800.01, chunks.get(0).candles().open()[0], 1e-9);

        given().when().get("/api/market-data/series").then().statusCode(200)
                .body("findAll { it.exchange == 'bitstamp-2013' && it.timeframe == '1m' }.candleCount", hasItem(candleCount));
    }

    @Test
    void onlyThePeriodAskedForIsSentAndARedeliveredRequestSendsNothingAgain() throws Exception {
        String jobId = "period-" + UUID.randomUUID();
        TrainingRequested request = request(EventTypes.newEventId(), jobId, "bitstamp-2013", "1h",
                Instant.parse("2013-11-26T00:00:00Z"), Instant.parse("2013-11-26T06:00:00Z"));
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request, request);

        List<RawCandlesChunk> chunks = chunks(jobId, 1);
        assertEquals(1, chunks.size(), "the redelivered request must not publish again");
        long[] times = chunks.get(0).candles().openTimeMs();
        assertEquals(6, times.length);
        for (int i = 0; i < 6; i++) {
            assertEquals(Instant.parse("2013-11-26T00:00:00Z").toEpochMilli() + i * HOUR_MS, times[i]);
        }
    }

    @Test
    void anUnknownExchangeIsReportedWithTheKnownOnesAndNothingIsPublished() throws Exception {
        String jobId = "unknown-" + UUID.randomUUID();
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request(EventTypes.newEventId(), jobId, "nowhere", "1h",
                Instant.parse("2013-11-26T00:00:00Z"), Instant.parse("2013-11-27T00:00:00Z")));

        TrainingStatus failed = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class, s -> s.jobId().equals(jobId), 1, WAIT,
                Duration.ZERO).get(0);
        assertEquals(State.MARKET_FAILED, failed.state());
        assertTrue(failed.message().contains("unknown exchange 'nowhere'") && failed.message().contains("bitstamp-2013"),
                failed.message());
        assertTrue(chunks(jobId, 0).isEmpty(), "no candles for a market that cannot be served");
    }

    @Test
    void aRecordThatIsNotATrainingRequestGoesToTheDeadLetterTopic() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        kafka.publishRaw(Topics.TRAINING_REQUESTS, key, "{\"jobId\": [".getBytes());
        assertTrue(kafka.keySeen(Topics.deadLetter(Topics.TRAINING_REQUESTS, "market-data-service"), key, WAIT));
    }

    @Test
    void aTrainingRequestThatDoesNotValidateGoesToTheDeadLetterTopicWithItsReasonAndFetchesNothing() throws Exception {
        String jobId = "invalid-" + UUID.randomUUID();
        TrainingRequested valid = request(EventTypes.newEventId(), jobId, "bitstamp-2013", "1h",
                Instant.parse("2013-11-26T00:00:00Z"), Instant.parse("2013-11-27T00:00:00Z"));
        TrainingRequested invalid = new TrainingRequested(valid.eventId(), valid.schemaVersion(), valid.occurredAt(), jobId,
                valid.userId(), valid.strategy(), List.of("btc-usd"), valid.exchanges(), valid.timeframes(), valid.optimization(),
                valid.validation(), valid.historicalPeriodMonths(), valid.periodFrom(), valid.periodUntil(),
                valid.maxRuntimeSeconds(), valid.parallelWorkers(), valid.costs());
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, invalid);
        String reason = kafka.deadLetterReason(Topics.deadLetter(Topics.TRAINING_REQUESTS, "market-data-service"), jobId, WAIT);
        assertTrue(reason != null && reason.contains("pairs"), "reason: " + reason);
        assertTrue(chunks(jobId, 0).isEmpty(), "nothing is loaded for a request that does not validate");
    }

    @Test
    void theSourcesListTheOfflineExchange() {
        given().when().get("/api/market-data/sources").then().statusCode(200)
                .body("exchange", hasItem("bitstamp-2013"));
    }
}
