package dev.trainer.circuitbreaker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.domain.risk.UnusualMove;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Nothing that matters lives only in memory: the breakers' inputs are read from the database for every record, so state
 * that a previous process left there (written here directly, as it would have) carries on. A process-level restart is
 * covered by system-tests.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestartStateTest {

    private final Breakers breakers = new Breakers();

    @Inject
    EntityManager em;

    @Test
    void aStreakIsReadFromTheDatabaseForEveryFill() throws Exception {
        String configId = "restart-" + BreakerThresholdTest.uid();
        SeriesRef market = new SeriesRef("restart-ex", "BTC/USD", "1h");
        String scope = "config:" + configId;
        Instant since = Instant.now();
        for (int i = 0; i < 3; i++) {
            breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, -2.0,
                    Instant.now()));
        }
        breakers.awaitLastMeasured("consecutive_losses_limit", scope, 3);
        assertEquals(3, streakInDatabase(configId));

        // as a previous process would have left it, one loss further than this one saw ...
        sql("update configuration_activity set loss_streak = 4 where config_id = ?1", configId);
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, -2.0,
                Instant.now()));
        // ... a fifth loss in a row trips it, the configuration still unknown to the service (its fills came first)
        BreakerStateChanged e = breakers.onlyEvent("consecutive_losses_limit", scope, "THRESHOLD_REACHED", since);
        assertEquals(5.0, e.measuredValue());
        assertEquals(java.util.List.of(), e.configIds());

        // when the configuration arrives it is told at once
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY"));
        BreakerStateChanged told = breakers.onlyEvent("consecutive_losses_limit", scope, "NEW_CONFIGURATION", since);
        assertEquals(java.util.List.of(configId), told.configIds());
        assertEquals(5.0, told.measuredValue());
    }

    @Test
    void theTrailingClosesOfASeriesAreReadFromTheDatabase() throws Exception {
        String pair = "P" + BreakerThresholdTest.uid() + "/USD";
        String scope = "market:restart-ex|" + pair;
        long freshMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(2)).toEpochMilli();
        double[] closes = BreakerThresholdTest.randomWalk(new Random(21), 100, 30.0, 0.001);
        long[] times = new long[100];
        for (int i = 0; i < 100; i++) {
            times[i] = freshMs - (100 - i) * BreakerThresholdTest.MINUTE_MS;
        }
        // a window left by a previous process; this one never saw these candles
        sql("insert into market_series (exchange, pair, timeframe, last_open_time_ms, open_times_ms, opens, closes, "
                + "updated_at) values ('restart-ex', ?1, '1m', ?2, cast(?3 as bigint[]), cast(?4 as double precision[]), "
                + "cast(?4 as double precision[]), now())", pair, times[99], array(times), array(closes));
        double next = BreakerThresholdTest.closeAt(closes, 4.0);
        Instant since = Instant.now();
        breakers.kafka.publish(Topics.CANDLES_CLEAN, "restart-ex|" + pair + "|1m", TestEvents.candles(
                new SeriesRef("restart-ex", pair, "1m"), new long[] {freshMs}, new double[] {next}, closes[99]));
        BreakerStateChanged e = breakers.onlyEvent("unusual_market_threshold", scope, "THRESHOLD_REACHED", since);
        assertEquals(UnusualMove.measure(closes, next, 3.0).value(), e.measuredValue());

        // a candle not newer than the stored one changes nothing
        int before = seriesLength(pair);
        breakers.kafka.publish(Topics.CANDLES_CLEAN, "restart-ex|" + pair + "|1m", TestEvents.candles(
                new SeriesRef("restart-ex", pair, "1m"), new long[] {times[50]}, new double[] {next * 2}, next));
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .until(() -> seriesLength(pair) == before);
    }

    /** Events are written with the change and sent after the commit; none stays unsent. */
    @Test
    void everyBreakerEventWrittenIsSent() {
        Awaitility.await().atMost(Breakers.WAIT).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from outgoing_events")
                        .getSingleResult()).intValue() == 0));
    }

    private int streakInDatabase(String configId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select loss_streak from configuration_activity where config_id = ?1").setParameter(1, configId)
                .getSingleResult()).intValue());
    }

    private int seriesLength(String pair) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select cardinality(closes) from market_series where pair = ?1").setParameter(1, pair)
                .getSingleResult()).intValue());
    }

    private void sql(String statement, Object... parameters) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = em.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            query.executeUpdate();
        });
    }

    private static String array(double[] values) {
        return Arrays.stream(values).mapToObj(Double::toString).collect(Collectors.joining(",", "{", "}"));
    }

    private static String array(long[] values) {
        return Arrays.stream(values).mapToObj(Long::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
