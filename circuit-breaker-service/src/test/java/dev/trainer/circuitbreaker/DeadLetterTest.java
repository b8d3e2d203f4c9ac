package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Inputs no breaker can use go to their dead-letter topic with the reason, and change nothing. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class DeadLetterTest {

    private static final String SERVICE = "circuit-breaker-service";
    private final Breakers breakers = new Breakers();

    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    /** The newest open time the breakers hold for the series, null before its first chunk. */
    private Long lastOpenTime(SeriesRef series) throws java.sql.SQLException {
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement("select last_open_time_ms from market_series "
                + "where exchange = ? and pair = ? and timeframe = ?")) {
            ps.setString(1, series.exchange());
            ps.setString(2, series.pair());
            ps.setString(3, series.timeframe());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    @Test
    void aFillWithAnUnknownSideIsDeadLetteredAndChangesNothing() throws Exception {
        String exchange = "dlq-" + BreakerThresholdTest.uid();
        String configId = "dlq-cfg-" + BreakerThresholdTest.uid();
        // slow enough to trip the exchange, were it valid
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId,
                new SeriesRef(exchange, "BTC/USD", "1h"), "HOLD", 5000, -1.0, Instant.now()));
        String reason = breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.EXECUTIONS, SERVICE), configId,
                Breakers.WAIT);
        assertNotNull(reason, "no dead letter");
        assertThat(reason, containsString("side must be BUY or SELL (any case), got 'HOLD'"));
        given().queryParam("scope", "exchange:" + exchange).when().get("/api/circuit-breakers/states")
                .then().statusCode(200).body("$", hasSize(0));
        given().queryParam("scope", "config:" + configId).when().get("/api/circuit-breakers/states")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void everyProblemOfAFillIsNamed() throws Exception {
        String key = "dlq-many-" + BreakerThresholdTest.uid();
        ExecutionReported bad = new ExecutionReported(EventTypes.newEventId(), ExecutionReported.SCHEMA_VERSION,
                Instant.now(), null, new SeriesRef("x", "BTC/USD", null), "BUY", 0, -5, 0, -1, null, null);
        breakers.kafka.publish(Topics.EXECUTIONS, key, bad);
        String reason = breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.EXECUTIONS, SERVICE), key,
                Breakers.WAIT);
        assertNotNull(reason, "no dead letter");
        for (String problem : new String[] {"configId is required", "expectedPrice must be a finite number > 0",
                "filledPrice must be a finite number > 0, got -5.0", "quantity must be a finite number > 0",
                "latencyMs must be >= 0, got -1", "filledAt is required"}) {
            assertThat(reason, containsString(problem));
        }
    }

    /**
     * Issue 13: a year-3000 candle on candles.clean became its series' newest, so the market breakers ignored every real
     * candle after it. Now such a chunk, and one with a negative, 1e308 or out-of-order price, goes to the dead-letter
     * topic naming the candle and the field, and the series is left as it was: a real candle afterwards still counts.
     */
    @Test
    void aChunkWithAnImpossibleCandleIsDeadLetteredAndTheSeriesStillTakesRealCandles() throws Exception {
        long now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toEpochMilli();
        long year3000 = Instant.parse("3000-01-01T00:00:00Z").toEpochMilli();
        Object[][] cases = {
            {new long[] {now - 120_000, year3000}, new double[] {100, 101}, new double[] {100, 101},
                "candle 1 (openTimeMs " + year3000 + "): time 3000-01-01T00:00:00Z is after now plus one 1m candle"},
            {new long[] {now - 120_000, now - 60_000}, new double[] {100, -101}, new double[] {100, -101},
                "candle 1 (openTimeMs " + (now - 60_000) + "): open -101.0 is not above 0"},
            {new long[] {now - 120_000, now - 60_000}, new double[] {100, 1e308}, new double[] {100, 1e308},
                "candle 1 (openTimeMs " + (now - 60_000) + "): open 1.0E308 is above 1.0E12, the largest accepted"}};
        for (Object[] c : cases) {
            SeriesRef series = new SeriesRef("dlq-ex", "F" + BreakerThresholdTest.uid() + "/USD", "1m");
            breakers.kafka.publish(Topics.CANDLES_CLEAN, series.key(),
                    TestEvents.candles(series, (long[]) c[0], (double[]) c[1], (double[]) c[2]));
            String reason = breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.CANDLES_CLEAN, SERVICE),
                    series.key(), Breakers.WAIT);
            assertNotNull(reason, "no dead letter");
            assertThat(reason, containsString("candles: " + c[3]));
            // the real candles still arrive and are the series' newest
            breakers.kafka.publish(Topics.CANDLES_CLEAN, series.key(), TestEvents.candles(series,
                    new long[] {now - 120_000, now - 60_000}, new double[] {100, 100.5}, new double[] {100, 100.5}));
            org.awaitility.Awaitility.await().atMost(Breakers.WAIT).until(() -> lastOpenTime(series),
                    t -> t != null && t == now - 60_000);
        }
        SeriesRef series = new SeriesRef("dlq-ex", "G" + BreakerThresholdTest.uid() + "/USD", "1m");
        CleanCandlesChunk offGrid = TestEvents.candles(series, new long[] {now - 90_000}, new double[] {100},
                new double[] {100});
        breakers.kafka.publish(Topics.CANDLES_CLEAN, series.key(), offGrid);
        assertThat(breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.CANDLES_CLEAN, SERVICE), series.key(),
                Breakers.WAIT), containsString("is not the start of a 1m candle"));
    }

    @Test
    void recordsThatAreNoEventAndBadChunksAndConfigurationsAreDeadLettered() throws Exception {
        String key = "dlq-raw-" + BreakerThresholdTest.uid();
        breakers.kafka.publishRaw(Topics.EXECUTIONS, key, "not json".getBytes(StandardCharsets.UTF_8));
        assertNotNull(breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.EXECUTIONS, SERVICE), key,
                Breakers.WAIT));

        SeriesRef series = new SeriesRef("dlq-ex", "D" + BreakerThresholdTest.uid() + "/USD", "1m");
        CleanCandlesChunk chunk = new CleanCandlesChunk(EventTypes.newEventId(), CleanCandlesChunk.SCHEMA_VERSION,
                Instant.now(), "job", series, "fp", 1.0, null, 0, 1, new CandleColumns(new long[] {1, 2},
                        new double[] {1, 1}, new double[] {1, 1}, new double[] {1, 1}, new double[] {1},
                        new double[] {1, 1}), new int[2]);
        breakers.kafka.publish(Topics.CANDLES_CLEAN, series.key(), chunk);
        String chunkReason = breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.CANDLES_CLEAN, SERVICE),
                series.key(), Breakers.WAIT);
        assertNotNull(chunkReason, "no dead letter");
        assertThat(chunkReason, containsString("candle columns differ in length"));

        String configId = "dlq-config-" + BreakerThresholdTest.uid();
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", null, "DISCOVERY"));
        String configReason = breakers.kafka.deadLetterReason(Topics.deadLetter(Topics.CONFIGS_TRAINED, SERVICE),
                configId, Breakers.WAIT);
        assertNotNull(configReason, "no dead letter");
        assertThat(configReason, containsString("market is required"));
    }
}
