package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * breaker.events through the real broker: tripped circuit breakers hold configurations PAUSED, reset ones let them
 * resume. Every test uses scopes of its own, because an ARMED event lifts its (breaker, scope) from every
 * configuration.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class BreakerPauseTest {

    private static final String LOSS_UNIT = "fraction of portfolio value";
    private static final String DEAD_LETTERS = Topics.deadLetter(Topics.BREAKER_EVENTS, "config-registry-service");

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    private final Registry registry = new Registry();

    @Inject
    EntityManager em;

    @Test
    void aTrippedBreakerPausesUntilTheLastBreakerHoldingTheConfigurationIsReset() throws Exception {
        ConfigTrained config = TestEvents.config("TRIP_" + UUID.randomUUID()).stage("VALIDATION").build();
        registry.store(config);
        String id = config.configId();
        String portfolio = "portfolio-" + UUID.randomUUID();
        String exchange = "exchange:binance-" + UUID.randomUUID();

        BreakerStateChanged loss = TestEvents.tripped("max_daily_loss", portfolio, 0.0231, 0.02, LOSS_UNIT,
                "loss since 00:00 UTC is 2.31 % of the start-of-day value", id);
        publish(loss);
        awaitStage(id, "PAUSED");
        configuration(id)
                .body("pausedFromStage", equalTo("VALIDATION"))
                .body("pauses", hasSize(1))
                .body("pauses[0].breaker", equalTo("max_daily_loss"))
                .body("pauses[0].scope", equalTo(portfolio))
                .body("pauses[0].reason", equalTo("loss since 00:00 UTC is 2.31 % of the start-of-day value"))
                .body("pauses[0].measuredValue", equalTo(0.0231))
                .body("pauses[0].threshold", equalTo(0.02))
                .body("pauses[0].unit", equalTo(LOSS_UNIT))
                .body("pauses[0].since", notNullValue())
                .body("stageReasons", contains("paused from VALIDATION to PAUSED by circuit-breaker-service: "
                        + "circuit breaker max_daily_loss tripped for scope " + portfolio + ": measured 0.0231, "
                        + "threshold 0.02 (" + LOSS_UNIT + "); loss since 00:00 UTC is 2.31 % of the start-of-day value"));
        history(id).body("action", contains("assign", "pause"))
                .body("[1].fromStage", equalTo("VALIDATION"))
                .body("[1].toStage", equalTo("PAUSED"))
                .body("[1].actor", equalTo("circuit-breaker-service"))
                .body("[1].reason", equalTo("circuit breaker max_daily_loss tripped for scope " + portfolio
                        + ": measured 0.0231, threshold 0.02 (" + LOSS_UNIT + "); loss since 00:00 UTC is 2.31 % of "
                        + "the start-of-day value"));
        given().queryParam("strategy", config.strategy()).queryParam("stage", "paused").when().get("/api/configs")
                .then().statusCode(200).body("items.configId", contains(id))
                .body("items[0].pauses.breaker", contains("max_daily_loss"));

        BreakerStateChanged latency = TestEvents.tripped("latency_threshold_ms", exchange, 740.0, 500.0, "ms",
                "fill latency 740 ms", id);
        publish(latency);
        awaitProcessed(latency.eventId());
        configuration(id).body("lifecycleStage", equalTo("PAUSED"))
                .body("pausedFromStage", equalTo("VALIDATION"))
                .body("pauses.breaker", contains("max_daily_loss", "latency_threshold_ms"))
                .body("pauses.scope", contains(portfolio, exchange));
        // already PAUSED: the second breaker holds it too, but changes no stage
        history(id).body("action", contains("assign", "pause"));

        // the first breaker's reset names no configuration: its pauses are lifted from all the same
        BreakerStateChanged lossReset = TestEvents.armed(loss, "DAILY_ROLLOVER", null, "a new UTC day");
        publish(lossReset);
        awaitProcessed(lossReset.eventId());
        configuration(id).body("lifecycleStage", equalTo("PAUSED"))
                .body("pausedFromStage", equalTo("VALIDATION"))
                .body("pauses.breaker", contains("latency_threshold_ms"));
        history(id).body("action", contains("assign", "pause"));

        publish(TestEvents.armed(latency, "MANUAL_RESET", "alice", "exchange answered again", id));
        awaitStage(id, "VALIDATION");
        configuration(id).body("pausedFromStage", nullValue())
                .body("pauses", empty())
                .body("stageReasons", contains("resumed from PAUSED to VALIDATION by circuit-breaker-service: "
                        + "circuit breaker latency_threshold_ms reset for scope " + exchange + " (MANUAL_RESET by "
                        + "alice); exchange answered again; no tripped breaker covers the configuration any more"));
        history(id).body("action", contains("assign", "pause", "resume"))
                .body("[2].fromStage", equalTo("PAUSED"))
                .body("[2].toStage", equalTo("VALIDATION"))
                .body("[2].actor", equalTo("circuit-breaker-service"));
        given().queryParam("strategy", config.strategy()).queryParam("stage", "PAUSED").when().get("/api/configs")
                .then().statusCode(200).body("items", empty());
    }

    @Test
    void aResetLiftsItsPausesFromConfigurationsItDoesNotName() throws Exception {
        String strategy = "SUBSET_" + UUID.randomUUID();
        ConfigTrained a = TestEvents.config(strategy).stage("PAPER").build();
        ConfigTrained b = TestEvents.config(strategy).stage("MATURE").build();
        registry.store(a, b);
        BreakerStateChanged market = TestEvents.tripped("unusual_market_threshold",
                "market:binance|" + UUID.randomUUID(), 3.4, 3.0, "standard deviations of log returns",
                "close moved 3.4 sigma", a.configId(), b.configId());
        publish(market);
        awaitStage(a.configId(), "PAUSED");
        awaitStage(b.configId(), "PAUSED");

        publish(TestEvents.armed(market, "COOL_DOWN_ELAPSED", null, "cool-down of PT1H elapsed", a.configId()));
        awaitStage(a.configId(), "PAPER");
        awaitStage(b.configId(), "MATURE");
        configuration(b.configId()).body("pauses", empty()).body("pausedFromStage", nullValue());
    }

    @Test
    void aBreakerThatTripsBeforeTheConfigurationArrivesPausesItOnArrival() throws Exception {
        ConfigTrained config = TestEvents.config("EARLY_" + UUID.randomUUID()).stage("DISCOVERY").build();
        String id = config.configId();
        BreakerStateChanged streak = TestEvents.tripped("consecutive_losses_limit", "config:" + id, 5.0, 5.0,
                "losing fills in a row", "5 losing fills in a row", id);
        publish(streak);
        awaitProcessed(streak.eventId());
        given().when().get("/api/configs/" + id).then().statusCode(404);

        registry.store(config);
        configuration(id).body("lifecycleStage", equalTo("PAUSED"))
                .body("pausedFromStage", equalTo("DISCOVERY"))
                .body("pauses.breaker", contains("consecutive_losses_limit"))
                .body("pauses[0].measuredValue", equalTo(5.0));
        history(id).body("action", contains("assign", "pause"))
                .body("[0].toStage", equalTo("DISCOVERY"))
                .body("[1].fromStage", equalTo("DISCOVERY"))
                .body("[1].toStage", equalTo("PAUSED"))
                .body("[1].actor", equalTo("circuit-breaker-service"))
                .body("[1].reason", equalTo("tripped before the configuration was registered: circuit breaker "
                        + "consecutive_losses_limit tripped for scope config:" + id + ": measured 5.0, threshold 5.0 "
                        + "(losing fills in a row); 5 losing fills in a row"));

        publish(TestEvents.armed(streak, "MANUAL_RESET", "bob", "strategy checked", id));
        awaitStage(id, "DISCOVERY");
        history(id).body("action", contains("assign", "pause", "resume"));
    }

    @Test
    void aRedeliveredEventChangesNothing() throws Exception {
        ConfigTrained config = TestEvents.config("REDELIVERED_" + UUID.randomUUID()).stage("VALIDATION").build();
        registry.store(config);
        String id = config.configId();
        String scope = "config:" + id;
        BreakerStateChanged trip = TestEvents.tripped("max_adverse_selection", scope, 0.65, 0.6,
                "fraction of judged fills", "13 of the last 20 fills were adverse", id);
        publish(trip, trip);
        awaitStage(id, "PAUSED");
        publish(TestEvents.armed(trip, "MANUAL_RESET", "carol", "fills reviewed", id));
        awaitStage(id, "VALIDATION");

        // the trip once more, then, on the same key and so after it, an event to know it has been handled
        BreakerStateChanged marker = TestEvents.tripped("max_adverse_selection", scope, 0.7, 0.6,
                "fraction of judged fills", "for another configuration", "other-" + UUID.randomUUID());
        publish(trip, marker);
        awaitProcessed(marker.eventId());
        configuration(id).body("lifecycleStage", equalTo("VALIDATION"))
                .body("pauses", empty())
                .body("pausedFromStage", nullValue());
        history(id).body("action", contains("assign", "pause", "resume"));
    }

    @Test
    void promoteAndDemoteAreRefusedWhilePausedNamingTheBreakers() throws Exception {
        ConfigTrained config = TestEvents.config("HELD_" + UUID.randomUUID()).stage("DISCOVERY").build();
        registry.store(config);
        String id = config.configId();
        String scope = "exchange:kraken-" + UUID.randomUUID();
        publish(TestEvents.tripped("latency_threshold_ms", scope, 512.0, 500.0, "ms", "fill latency 512 ms", id));
        awaitStage(id, "PAUSED");

        for (String action : new String[] {"promote", "demote"}) {
            transition(id, action).statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409))
                    .body("title", equalTo("Conflict"))
                    .body("detail", containsString("cannot " + action + ": the configuration is PAUSED"))
                    .body("detail", containsString("held by latency_threshold_ms for scope " + scope))
                    .body("pausedBy.breaker", contains("latency_threshold_ms"))
                    .body("pausedBy.scope", contains(scope));
        }
        configuration(id).body("lifecycleStage", equalTo("PAUSED")).body("pausedFromStage", equalTo("DISCOVERY"));
        history(id).body("action", contains("assign", "pause"));
    }

    @Test
    void aConfigurationRetiredWhilePausedStaysRetiredWhenItsBreakersAreReset() throws Exception {
        ConfigTrained config = TestEvents.config("RETIRED_PAUSED_" + UUID.randomUUID()).stage("MATURE").build();
        registry.store(config);
        String id = config.configId();
        BreakerStateChanged regime = TestEvents.tripped("regime_break_threshold", "market:binance|" + UUID.randomUUID(),
                0.28, 0.3, "probability of the most likely regime", "no regime is likely", id);
        publish(regime);
        awaitStage(id, "PAUSED");

        transition(id, "retire").statusCode(200)
                .body("lifecycleStage", equalTo("RETIRED"))
                .body("pausedFromStage", nullValue())
                .body("pauses.breaker", contains("regime_break_threshold"));
        // a retired configuration is not paused by a further breaker either
        BreakerStateChanged streak = TestEvents.tripped("consecutive_losses_limit", "config:" + id, 6.0, 5.0,
                "losing fills in a row", "6 losing fills in a row", id);
        publish(streak);
        awaitProcessed(streak.eventId());
        configuration(id).body("lifecycleStage", equalTo("RETIRED"));

        BreakerStateChanged regimeReset = TestEvents.armed(regime, "COOL_DOWN_ELAPSED", null, "cool-down elapsed", id);
        BreakerStateChanged streakReset = TestEvents.armed(streak, "MANUAL_RESET", "dave", "retired anyway", id);
        publish(regimeReset, streakReset);
        awaitProcessed(regimeReset.eventId());
        awaitProcessed(streakReset.eventId());
        configuration(id).body("lifecycleStage", equalTo("RETIRED"))
                .body("pausedFromStage", nullValue())
                .body("pauses", empty());
        history(id).body("action", contains("assign", "pause", "retire"))
                .body("[2].fromStage", equalTo("PAUSED"))
                .body("[2].toStage", equalTo("RETIRED"));
    }

    @Test
    void aRecordThatIsNoBreakerEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() throws Exception {
        String scope = "exchange:bitstamp-" + UUID.randomUUID();
        kafka.publishRaw(Topics.BREAKER_EVENTS, scope, "{\"breaker\": [1, 2".getBytes(StandardCharsets.UTF_8));

        ConfigTrained config = TestEvents.config("AFTER_GARBAGE_" + UUID.randomUUID()).build();
        registry.store(config);
        // same key, so same partition, after the bad record
        publish(TestEvents.tripped("latency_threshold_ms", scope, 900.0, 500.0, "ms", "slow", config.configId()));
        awaitStage(config.configId(), "PAUSED");
        assertNotNull(kafka.deadLetterReason(DEAD_LETTERS, scope, Duration.ofSeconds(30)),
                "the undeserialisable record is on " + DEAD_LETTERS);
    }

    @Test
    void anEventInAStateThatIsNeitherArmedNorTrippedGoesToTheDeadLetterTopic() throws Exception {
        String scope = "portfolio-" + UUID.randomUUID();
        BreakerStateChanged halfOpen = new BreakerStateChanged(UUID.randomUUID().toString(),
                BreakerStateChanged.SCHEMA_VERSION, Instant.now(), "max_daily_loss", scope, "HALF_OPEN",
                BreakerStateChanged.TRIPPED, "MANUAL_RESET", null, null, 0.02, LOSS_UNIT, "erin", List.of());
        publish(halfOpen);
        String reason = kafka.deadLetterReason(DEAD_LETTERS, scope, Duration.ofSeconds(30));
        assertNotNull(reason, "the malformed event is on " + DEAD_LETTERS);
        assertThat(reason, containsString("state 'HALF_OPEN' is neither TRIPPED nor ARMED"));
    }

    private void publish(BreakerStateChanged... events) throws Exception {
        for (BreakerStateChanged e : events) {
            kafka.publish(Topics.BREAKER_EVENTS, e.scope(), e);
        }
    }

    private void awaitProcessed(String eventId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_events where event_id = ?1 and consumer = 'breaker-events'")
                        .setParameter(1, eventId).getSingleResult()).longValue() == 1));
    }

    private static void awaitStage(String configId, String stage) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().when().get("/api/configs/" + configId).then().statusCode(200)
                        .body("lifecycleStage", equalTo(stage)));
    }

    private static ValidatableResponse configuration(String configId) {
        return given().when().get("/api/configs/" + configId).then().statusCode(200);
    }

    private static ValidatableResponse history(String configId) {
        return given().when().get("/api/configs/" + configId + "/history").then().statusCode(200);
    }

    private static ValidatableResponse transition(String configId, String action) {
        return given().contentType(ContentType.JSON).body(Map.of("reason", "a test asks", "actor", "tester"))
                .when().post("/api/configs/" + configId + "/" + action).then();
    }
}
