package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.devinfra.TestKafka;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

/** The service as a test sees it: its REST API and what it publishes on breaker.events. */
final class Breakers {

    static final Duration WAIT = Duration.ofSeconds(30);

    final TestKafka kafka = new TestKafka(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    /** The state of one (breaker, scope), or null when the service has not met the scope. */
    Map<String, Object> state(String breaker, String scope) {
        List<Map<String, Object>> found = json(given().queryParam("breaker", breaker).queryParam("scope", scope)
                .when().get("/api/circuit-breakers/states")
                .then().statusCode(200).extract().asString()).getList("$");
        return found.isEmpty() ? null : found.get(0);
    }

    /** Waits until the state exists and passes {@code until}; returns it. */
    Map<String, Object> awaitState(String breaker, String scope, Predicate<Map<String, Object>> until) {
        Object[] last = new Object[1];
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, Object> s = state(breaker, scope);
            last[0] = s;
            return s != null && until.test(s);
        });
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) last[0];
        return s;
    }

    /** Waits until the latest measurement of the scope is {@code value} (within 1e-12). */
    Map<String, Object> awaitLastMeasured(String breaker, String scope, double value) {
        return awaitState(breaker, scope, s -> s.get("lastMeasuredValue") != null
                && Math.abs(((Number) s.get("lastMeasuredValue")).doubleValue() - value) <= 1e-12);
    }

    /** The breaker.events records of a scope (and breaker) that match, in the order they were made. */
    List<BreakerStateChanged> events(String breaker, String scope, Predicate<BreakerStateChanged> match, int expected) {
        return kafka.read(Topics.BREAKER_EVENTS, BreakerStateChanged.class,
                e -> e.scope().equals(scope) && (breaker == null || e.breaker().equals(breaker)) && match.test(e),
                expected, WAIT, Duration.ofMillis(500)).stream()
                .sorted(Comparator.comparing(BreakerStateChanged::occurredAt)).toList();
    }

    /** The one event of the scope with this cause after {@code since}; fails when there is none or more than one. */
    BreakerStateChanged onlyEvent(String breaker, String scope, String cause, Instant since) {
        List<BreakerStateChanged> found = events(breaker, scope,
                e -> e.cause().equals(cause) && !e.occurredAt().isBefore(since), 1);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + cause + " event of " + breaker + " " + scope + " since " + since
                    + ", got " + found);
        }
        return found.get(0);
    }

    /** Re-arms the portfolio if a test left it tripped, so that a daily-loss test starts from ARMED. */
    void armPortfolio() {
        Map<String, Object> s = state("max_daily_loss", "portfolio");
        if (s != null && "TRIPPED".equals(s.get("state"))) {
            given().contentType(ContentType.JSON).body(Map.of("actor", "test", "note", "start from ARMED"))
                    .when().post("/api/circuit-breakers/states/max_daily_loss/portfolio/reset")
                    .then().statusCode(200);
        }
    }

    /** The portfolio's figures for a UTC day. */
    Map<String, Object> portfolio(LocalDate day) {
        return json(given().queryParam("day", day.toString()).when().get("/api/circuit-breakers/portfolio")
                .then().statusCode(200).extract().asString()).getMap("$");
    }

    void putOverride(String breaker, String scope, double threshold) {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("threshold", threshold, "actor", "test", "note", "a threshold for this test"))
                .when().put("/api/circuit-breakers/overrides/" + breaker + "/" + Paths.encode(scope))
                .then().statusCode(200);
    }

    /** JSON read with doubles as doubles (RestAssured's default reads them as floats). */
    static JsonPath json(String body) {
        return JsonPath.from(body).using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    static double number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).doubleValue();
    }
}
