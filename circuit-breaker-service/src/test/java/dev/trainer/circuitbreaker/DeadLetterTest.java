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
