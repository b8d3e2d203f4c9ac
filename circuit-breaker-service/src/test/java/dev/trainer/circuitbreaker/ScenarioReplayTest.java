package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.Event;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * One ordered sequence of configs.trained, candles.clean and executions, replayed through Kafka: each record is sent
 * once the one before it has been handled (the topics are not ordered with each other, a replay is). It trips four
 * breakers in a known order, then a second configuration of the same market arrives under three tripped scopes.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ScenarioReplayTest {

    private final Breakers breakers = new Breakers();

    @Inject
    EntityManager em;

    @Test
    void aReplayedDayTripsUnusualMarketThenLatencyThenTheStreakThenTheDailyLoss() throws Exception {
        breakers.armPortfolio();
        String uid = BreakerThresholdTest.uid();
        String exchange = "scn-" + uid;
        String pair = "S" + uid + "/USD";
        SeriesRef market = new SeriesRef(exchange, pair, "1h");
        SeriesRef minutes = new SeriesRef(exchange, pair, "1m");
        String a = "scn-a-" + uid;
        String b = "scn-b-" + uid;
        LocalDate day = LocalDate.of(2095, 1, 1).plusDays(new Random().nextInt(300));
        Instant start = Instant.now();

        List<Event> replay = new ArrayList<>();
        replay.add(TestEvents.configTrained(a, "SMA_CROSSOVER", market, "VALIDATION"));
        replay.add(candlesWithAFiveSigmaMove(minutes));
        replay.add(TestEvents.fill(a, market, "BUY", 800, null, BreakerThresholdTest.at(day, 9)));
        for (int i = 0; i < 5; i++) {
            replay.add(TestEvents.fill(a, market, "SELL", 20, -10.0, BreakerThresholdTest.at(day, 10 + i)));
        }
        replay.add(TestEvents.fill(a, market, "SELL", 20, -3000.0, BreakerThresholdTest.at(day, 16)));
        replay.add(TestEvents.configTrained(b, "RSI", market, "DISCOVERY"));
        for (Event e : replay) {
            publishAndAwaitHandled(e);
        }

        Set<String> scopes = Set.of("market:" + exchange + "|" + pair, "exchange:" + exchange, "config:" + a,
                "config:" + b, "portfolio");
        // the portfolio is shared with other tests: its events of this replay name the replay's day
        List<BreakerStateChanged> events = breakers.kafka.read(Topics.BREAKER_EVENTS, BreakerStateChanged.class,
                e -> scopes.contains(e.scope()) && !e.occurredAt().isBefore(start)
                        && (!e.scope().equals("portfolio") || e.reason().contains("UTC day " + day)), 7, Breakers.WAIT,
                Duration.ofSeconds(1)).stream().sorted(Comparator.comparing(BreakerStateChanged::occurredAt)).toList();
        assertEquals(7, events.size(), events::toString);
        assertEquals(List.of("unusual_market_threshold", "latency_threshold_ms", "consecutive_losses_limit",
                "max_daily_loss"), events.stream().limit(4).map(BreakerStateChanged::breaker).toList(), events::toString);
        for (BreakerStateChanged e : events.subList(0, 4)) {
            assertEquals("THRESHOLD_REACHED", e.cause());
            assertEquals("TRIPPED", e.state());
            assertTrue(e.configIds().contains(a), e::toString);
        }
        assertEquals(800.0, events.get(1).measuredValue());
        assertEquals(5.0, events.get(2).measuredValue());

        // the second configuration is stopped by the three scopes that cover it, each telling it alone
        List<BreakerStateChanged> arrival = events.subList(4, events.size());
        assertEquals(Set.of("unusual_market_threshold", "latency_threshold_ms", "max_daily_loss"),
                arrival.stream().map(BreakerStateChanged::breaker).collect(Collectors.toSet()), arrival::toString);
        for (BreakerStateChanged e : arrival) {
            assertEquals("NEW_CONFIGURATION", e.cause(), events::toString);
            assertEquals("TRIPPED", e.state());
            assertEquals(List.of(b), e.configIds());
            assertNull(e.actor());
        }

        Map<String, Object> viewA = configuration(a);
        Map<String, Object> viewB = configuration(b);
        assertEquals(Map.of("max_daily_loss", "TRIPPED", "max_correlation_spike", "ARMED",
                "unusual_market_threshold", "TRIPPED", "latency_threshold_ms", "TRIPPED", "max_adverse_selection",
                "ARMED", "consecutive_losses_limit", "TRIPPED", "regime_break_threshold", "ARMED"), viewA.get("breakers"));
        assertEquals("ARMED", ((Map<?, ?>) viewB.get("breakers")).get("consecutive_losses_limit"));
        assertEquals("TRIPPED", ((Map<?, ?>) viewB.get("breakers")).get("latency_threshold_ms"));
        breakers.armPortfolio();
    }

    /** 100 candles of hours ago, then a fresh one 5 sigma up. */
    private static CleanCandlesChunk candlesWithAFiveSigmaMove(SeriesRef series) {
        long freshMs = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(3)).toEpochMilli();
        double[] warm = BreakerThresholdTest.randomWalk(new Random(1), 100, 50.0, 0.002);
        double[] closes = java.util.Arrays.copyOf(warm, 101);
        closes[100] = BreakerThresholdTest.closeAt(warm, 5.0);
        long[] times = new long[101];
        for (int i = 0; i < 100; i++) {
            times[i] = freshMs - Duration.ofHours(4).toMillis() + i * BreakerThresholdTest.MINUTE_MS;
        }
        times[100] = freshMs;
        return TestEvents.candles(series, times, closes, 0);
    }

    private void publishAndAwaitHandled(Event event) throws Exception {
        String channel;
        if (event instanceof ConfigTrained c) {
            breakers.kafka.publish(Topics.CONFIGS_TRAINED, c.configId(), c);
            channel = "configs-trained";
        } else if (event instanceof CleanCandlesChunk chunk) {
            breakers.kafka.publish(Topics.CANDLES_CLEAN, chunk.series().key(), chunk);
            channel = "candles-clean";
        } else {
            ExecutionReported fill = (ExecutionReported) event;
            breakers.kafka.publish(Topics.EXECUTIONS, fill.configId(), fill);
            channel = "executions";
        }
        Awaitility.await().atMost(Breakers.WAIT).pollInterval(Duration.ofMillis(50)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_events where event_id = ?1 and consumer = ?2")
                        .setParameter(1, event.eventId()).setParameter(2, channel).getSingleResult()).intValue() == 1));
    }

    private static Map<String, Object> configuration(String configId) {
        List<Map<String, Object>> all = given().queryParam("limit", 500).when().get("/api/circuit-breakers/configurations")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(c -> configId.equals(c.get("configId"))).findFirst().orElseThrow();
    }
}
