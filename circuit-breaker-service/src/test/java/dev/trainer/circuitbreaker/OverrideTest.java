package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thresholds per (breaker, scope) through REST: validated, used from the next input on, audited. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class OverrideTest {

    private static final String OVERRIDES = "/api/circuit-breakers/overrides/";
    private final Breakers breakers = new Breakers();

    @Test
    void anOverrideIsUsedFromTheNextFillOnAndTheDefaultsStayThePlans() throws Exception {
        String exchange = "ovr-" + BreakerThresholdTest.uid();
        String configId = "ovr-cfg-" + BreakerThresholdTest.uid();
        SeriesRef market = new SeriesRef(exchange, "BTC/USD", "1h");
        String scope = "exchange:" + exchange;
        String path = OVERRIDES + "latency_threshold_ms/" + Paths.encode(scope);
        breakers.kafka.publish(Topics.CONFIGS_TRAINED, configId,
                TestEvents.configTrained(configId, "SMA_CROSSOVER", market, "DISCOVERY"));
        breakers.awaitState("latency_threshold_ms", scope, s -> true);
        Instant since = Instant.now();

        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("threshold", 300, "actor", "carol", "note", "this exchange is slow to fill"))
                .when().put(path).then().statusCode(200)
                .body("breaker", equalTo("latency_threshold_ms")).body("scope", equalTo(scope))
                .body("threshold", equalTo(300)).body("defaultThreshold", equalTo(500))
                .body("unit", equalTo("milliseconds")).body("actor", equalTo("carol"));
        given().when().get("/api/circuit-breakers/defaults").then().body("latency_threshold_ms", equalTo(500));

        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "BUY", 299, null,
                Instant.now()));
        assertEquals("ARMED", breakers.awaitLastMeasured("latency_threshold_ms", scope, 299).get("state"));
        assertEquals(300, breakers.state("latency_threshold_ms", scope).get("threshold"));
        breakers.kafka.publish(Topics.EXECUTIONS, configId, TestEvents.fill(configId, market, "BUY", 300, null,
                Instant.now()));
        BreakerStateChanged e = breakers.onlyEvent("latency_threshold_ms", scope, "THRESHOLD_REACHED", since);
        assertEquals(300.0, e.threshold());
        assertEquals(300.0, e.measuredValue());

        given().urlEncodingEnabled(false).when().get(path).then().statusCode(200).body("threshold", equalTo(300));
        given().queryParam("breaker", "latency_threshold_ms").when().get(OVERRIDES).then().statusCode(200)
                .body("scope", hasItem(scope));
        given().urlEncodingEnabled(false).when().delete(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("actor"));
        given().urlEncodingEnabled(false).queryParam("actor", "carol").queryParam("note", Paths.encode("the exchange fixed it"))
                .when().delete(path).then().statusCode(204);
        given().urlEncodingEnabled(false).when().get(path).then().statusCode(404)
                .contentType("application/problem+json");
        given().urlEncodingEnabled(false).queryParam("actor", "carol").queryParam("note", "again")
                .when().delete(path).then().statusCode(404);

        // newest first: cleared (300 -> the default 500), then set (500 -> 300)
        given().queryParam("breaker", "latency_threshold_ms").queryParam("scope", scope)
                .when().get("/api/circuit-breakers/audit").then().statusCode(200)
                .body("$", hasSize(2))
                .body("[0].action", equalTo("OVERRIDE_CLEARED")).body("[0].oldThreshold", equalTo(300))
                .body("[0].newThreshold", equalTo(500)).body("[0].note", equalTo("the exchange fixed it"))
                .body("[1].action", equalTo("OVERRIDE_SET")).body("[1].oldThreshold", equalTo(500))
                .body("[1].newThreshold", equalTo(300)).body("[1].actor", equalTo("carol"))
                .body("[1].unit", equalTo("milliseconds"));
    }

    @Test
    void thresholdsOutOfTheirBreakersRangeAndScopesOfTheWrongKindAreRefused() {
        Map<String, Object> ok = Map.of("actor", "carol", "note", "n");
        refused("latency_threshold_ms", "exchange:x", with(ok, 0), "threshold", "must be > 0 ms");
        refused("latency_threshold_ms", "exchange:x", with(ok, 1.5), "threshold", "must be a whole number");
        refused("consecutive_losses_limit", "config:x", with(ok, 0.5), "threshold", "must be a whole number");
        refused("consecutive_losses_limit", "config:x", with(ok, 0), "threshold", "must be >= 1 trades");
        refused("max_daily_loss", "portfolio", with(ok, 1.5), "threshold", "(0, 1]");
        refused("max_daily_loss", "portfolio", with(ok, 0), "threshold", "(0, 1]");
        refused("max_adverse_selection", "config:x", with(ok, -0.1), "threshold", "(0, 1]");
        refused("max_correlation_spike", "config:x", with(ok, 1.01), "threshold", "[-1, 1]");
        refused("max_correlation_spike", "config:x", with(ok, -0.5), "threshold", "(0, 1]");
        refused("unusual_market_threshold", "market:x|BTC/USD", with(ok, 0), "threshold", "must be > 0");
        refused("regime_break_threshold", "market:x|BTC/USD", with(ok, 1.0), "threshold", "(0, 1)");
        refused("regime_break_threshold", "market:x|BTC/USD", with(ok, 1.5), "threshold", "[0, 1]");
        refused("latency_threshold_ms", "portfolio", with(ok, 500), "scope", "exchange:<exchange>");
        refused("max_daily_loss", "exchange:x", with(ok, 0.01), "scope", "watches scopes portfolio");
        refused("unusual_market_threshold", "market:x", with(ok, 3), "scope", "market:<exchange>|<pair>");
        refused("max_daily_loss", "portfolio", Map.of("threshold", 0.01), "actor", "is required");
        refused("max_daily_loss", "portfolio", Map.of("actor", "a", "note", "n"), "threshold", "is required");
        refused("max_daily_loss", "portfolio", Map.of("threshold", "abc", "actor", "a", "note", "n"), "threshold", "");
        given().contentType(ContentType.JSON).body(with(ok, 0.5)).when().put(OVERRIDES + "max_weekly_loss/portfolio")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("max_daily_loss"));
    }

    @Test
    void scopesTravelUrlEncodedInPaths() {
        String pair = "E" + BreakerThresholdTest.uid() + "/USD";
        String scope = "market:enc-ex|" + pair;
        Map<String, Object> body = Map.of("threshold", 4.5, "actor", "dave", "note", "a jumpy market");
        // everything encoded (':' %3A, '|' %7C, '/' %2F)
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body)
                .when().put(OVERRIDES + "unusual_market_threshold/" + Paths.encode(scope))
                .then().statusCode(200).body("scope", equalTo(scope)).body("threshold", equalTo(4.5f));
        // encoded by the client library from a path parameter
        given().pathParam("scope", scope).when().get(OVERRIDES + "unusual_market_threshold/{scope}")
                .then().statusCode(200).body("scope", equalTo(scope));
        // ':' left as it is, only '|' and '/' encoded
        given().urlEncodingEnabled(false)
                .when().get(OVERRIDES + "unusual_market_threshold/market:enc-ex%7C" + pair.replace("/", "%2F"))
                .then().statusCode(200).body("scope", equalTo(scope));
        given().queryParam("scope", scope).when().get(OVERRIDES).then().statusCode(200).body("$", hasSize(1))
                .body("[0].threshold", equalTo(4.5f));
    }

    private static Map<String, Object> with(Map<String, Object> base, Object threshold) {
        Map<String, Object> body = new java.util.HashMap<>(base);
        body.put("threshold", threshold);
        return body;
    }

    private static void refused(String breaker, String scope, Map<String, Object> body, String field, String message) {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON).body(body)
                .when().put(OVERRIDES + breaker + "/" + Paths.encode(scope))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == '" + field + "' }.message", containsString(message));
    }
}
