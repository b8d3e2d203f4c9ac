package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.circuitbreaker.service.BreakerTimers;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The three ways back to ARMED: by hand (audited), after a cool-down, and at the UTC day roll-over. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ResetTest {

    private final Breakers breakers = new Breakers();

    @Inject
    BreakerTimers timers;

    @Test
    void aManualResetIsAuditedPublishedAndStartsTheStreakAgain() throws Exception {
        String configId = "reset-" + BreakerThresholdTest.uid();
        SeriesRef market = new SeriesRef("reset-ex", "BTC/USD", "1h");
        String scope = "config:" + configId;
        String path = "/api/circuit-breakers/states/consecutive_losses_limit/" + Paths.encode(scope) + "/reset";
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "MATURE"));
        breakers.awaitState("consecutive_losses_limit", scope, s -> true);
        Instant since = Instant.now();

        // nothing to reset yet
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("actor", "alice", "note", "n"))
                .when().post(path).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("already ARMED"));
        for (int i = 0; i < 5; i++) {
            breakers.kafka.publish(Topics.EXECUTIONS, configId,
                    TestEvents.fill(configId, market, "SELL", 10, -1.0, Instant.now()));
        }
        breakers.onlyEvent("consecutive_losses_limit", scope, "THRESHOLD_REACHED", since);

        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("note", " "))
                .when().post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("actor")).body("errors.field", hasItem("note"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("actor", "alice", "note", "checked the fills: a bad day, not a broken strategy"))
                .when().post(path).then().statusCode(200)
                .body("state", equalTo("ARMED")).body("reason", nullValue()).body("measuredValue", nullValue())
                .body("threshold", equalTo(5)).body("configIds", equalTo(List.of(configId)));

        BreakerStateChanged reset = breakers.onlyEvent("consecutive_losses_limit", scope, "MANUAL_RESET", since);
        assertEquals("ARMED", reset.state());
        assertEquals("TRIPPED", reset.previousState());
        assertEquals("alice", reset.actor());
        assertEquals(List.of(configId), reset.configIds());
        assertNull(reset.measuredValue());
        assertEquals(5.0, reset.threshold());
        assertTrue(reset.reason().contains("checked the fills"), reset.reason());

        given().queryParam("breaker", "consecutive_losses_limit").queryParam("scope", scope)
                .when().get("/api/circuit-breakers/audit").then().statusCode(200)
                .body("[0].action", equalTo("MANUAL_RESET")).body("[0].actor", equalTo("alice"))
                .body("[0].note", equalTo("checked the fills: a bad day, not a broken strategy"))
                .body("[0].oldState", equalTo("TRIPPED")).body("[0].newState", equalTo("ARMED"))
                .body("[0].at", org.hamcrest.Matchers.notNullValue());
        // a second reset finds it ARMED
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(Map.of("actor", "bob", "note", "again"))
                .when().post(path).then().statusCode(409);

        // the streak starts again from 0: one more loss is a streak of 1
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, -1.0,
                Instant.now()));
        assertEquals("ARMED", breakers.awaitLastMeasured("consecutive_losses_limit", scope, 1).get("state"));
    }

    @Test
    void resetRequestsNamingNothingAreProblems() {
        Map<String, String> body = Map.of("actor", "alice", "note", "n");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/circuit-breakers/states/no_such_breaker/portfolio/reset")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("no breaker named 'no_such_breaker'"));
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body)
                .when().post("/api/circuit-breakers/states/consecutive_losses_limit/config%3Anobody-" + BreakerThresholdTest
                        .uid() + "/reset")
                .then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/circuit-breakers/states/consecutive_losses_limit/portfolio/reset")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("scope"))
                .body("errors[0].message", containsString("config:<configId>"));
    }

    @Test
    void aTrippedExchangeReArmsWhenItsCoolDownHasElapsed() throws Exception {
        String exchange = "cool-" + BreakerThresholdTest.uid();
        String configId = "cool-cfg-" + BreakerThresholdTest.uid();
        SeriesRef market = new SeriesRef(exchange, "BTC/USD", "5m");
        String scope = "exchange:" + exchange;
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY"));
        breakers.awaitState("latency_threshold_ms", scope, s -> true);
        Instant since = Instant.now();
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "BUY", 900, null,
                Instant.now()));
        Map<String, Object> tripped = breakers.awaitState("latency_threshold_ms", scope,
                s -> "TRIPPED".equals(s.get("state")));
        Instant coolDownUntil = Instant.parse((String) tripped.get("coolDownUntil"));

        // a second before: nothing; at the end of the cool-down: ARMED, for the configurations on the exchange
        timers.check(coolDownUntil.minusSeconds(1));
        assertEquals("TRIPPED", breakers.state("latency_threshold_ms", scope).get("state"));
        assertTrue(timers.check(coolDownUntil) >= 1);
        Map<String, Object> armed = breakers.state("latency_threshold_ms", scope);
        assertEquals("ARMED", armed.get("state"));
        assertNull(armed.get("coolDownUntil"));
        BreakerStateChanged e = breakers.onlyEvent("latency_threshold_ms", scope, "COOL_DOWN_ELAPSED", since);
        assertEquals("ARMED", e.state());
        assertEquals("TRIPPED", e.previousState());
        assertEquals(List.of(configId), e.configIds());
        assertNull(e.actor());
        assertEquals(500.0, e.threshold());

        // ARMED again, it trips on the next slow fill
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 650, null,
                Instant.now()));
        assertEquals(2, breakers.events("latency_threshold_ms", scope,
                x -> x.cause().equals("THRESHOLD_REACHED") && !x.occurredAt().isBefore(since), 2).size());
    }

    @Test
    void theDailyLossReArmsAtTheUtcDayRollOver() throws Exception {
        breakers.armPortfolio();
        String configId = "roll-" + BreakerThresholdTest.uid();
        SeriesRef market = new SeriesRef("roll-ex", "BTC/USD", "1h");
        LocalDate day = LocalDate.of(2097, 1, 1).plusDays(new Random().nextInt(300) * 4L);
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY"));
        breakers.awaitState("consecutive_losses_limit", "config:" + configId, s -> true);
        Instant since = Instant.now();

        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, -3000.0,
                BreakerThresholdTest.at(day, 10)));
        breakers.awaitState("max_daily_loss", "portfolio", s -> "TRIPPED".equals(s.get("state")));

        // the scheduled check at the last second of the day, then at midnight UTC
        timers.check(BreakerThresholdTest.at(day.plusDays(1), 0).minusSeconds(1));
        assertEquals("TRIPPED", breakers.state("max_daily_loss", "portfolio").get("state"));
        timers.check(BreakerThresholdTest.at(day.plusDays(1), 0));
        assertEquals("ARMED", breakers.state("max_daily_loss", "portfolio").get("state"));
        // the scheduled check's "now" is the event's time
        BreakerStateChanged rolled = breakers.onlyEvent("max_daily_loss", "portfolio", "DAILY_ROLLOVER",
                BreakerThresholdTest.at(day.plusDays(1), 0));
        assertEquals("ARMED", rolled.state());
        assertTrue(rolled.reason().contains("rolled over to " + day.plusDays(1)), rolled.reason());
        assertTrue(rolled.configIds().contains(configId));

        // tripped again two days later, the first fill of the next day re-arms it before it is judged
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, -3000.0,
                BreakerThresholdTest.at(day.plusDays(2), 10)));
        breakers.awaitState("max_daily_loss", "portfolio", s -> "TRIPPED".equals(s.get("state")));
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "SELL", 10, 1.0,
                BreakerThresholdTest.at(day.plusDays(3), 10)));
        breakers.awaitState("max_daily_loss", "portfolio", s -> "ARMED".equals(s.get("state")));
        List<BreakerStateChanged> rollovers = breakers.events("max_daily_loss", "portfolio",
                x -> x.cause().equals("DAILY_ROLLOVER") && !x.occurredAt().isBefore(since)
                        && x.reason().contains("(tripped on " + day.plusDays(2) + ")"), 1);
        assertEquals(1, rollovers.size(), rollovers::toString);
        assertTrue(rollovers.get(0).reason().contains("rolled over to " + day.plusDays(3)), rollovers::toString);
        assertEquals(0.0, Breakers.number(breakers.state("max_daily_loss", "portfolio"), "lastMeasuredValue"));
    }
}
