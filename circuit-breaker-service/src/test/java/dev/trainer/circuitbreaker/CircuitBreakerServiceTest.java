package dev.trainer.circuitbreaker;

import dev.trainer.devinfra.TestKafka;
import org.eclipse.microprofile.config.ConfigProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
class CircuitBreakerServiceTest {

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void defaultsAreThePlansNamesAndValues() {
        String body = given().when().get("/api/circuit-breakers/defaults")
                .then().statusCode(200)
                .body("max_daily_loss", equalTo(0.02f))
                .body("max_correlation_spike", equalTo(0.8f))
                .body("unusual_market_threshold", equalTo(3.0f))
                .body("latency_threshold_ms", equalTo(500))
                .body("max_adverse_selection", equalTo(0.6f))
                .body("consecutive_losses_limit", equalTo(5))
                .body("regime_break_threshold", equalTo(0.3f))
                .extract().asString();
        // exactly these names and values, in the plan's order, integers where the plan has integers
        org.junit.jupiter.api.Assertions.assertEquals("{\"max_daily_loss\":0.02,\"max_correlation_spike\":0.8,"
                + "\"unusual_market_threshold\":3.0,\"latency_threshold_ms\":500,\"max_adverse_selection\":0.6,"
                + "\"consecutive_losses_limit\":5,\"regime_break_threshold\":0.3}", body);
    }

    @Test
    void definitionsGiveEachBreakersUnitAndMeaning() {
        JsonPath json = given().when().get("/api/circuit-breakers/definitions")
                .then().statusCode(200).body("$", hasSize(7)).extract().jsonPath();
        List<Map<String, Object>> definitions = json.getList("$");
        for (Map<String, Object> d : definitions) {
            org.junit.jupiter.api.Assertions.assertNotNull(d.get("unit"), d.toString());
            org.junit.jupiter.api.Assertions.assertNotNull(d.get("meaning"), d.toString());
            org.junit.jupiter.api.Assertions.assertNotNull(d.get("threshold"), d.toString());
        }
        given().when().get("/api/circuit-breakers/definitions").then()
                .body("find { it.name == 'latency_threshold_ms' }.unit", equalTo("milliseconds"))
                .body("find { it.name == 'latency_threshold_ms' }.threshold", equalTo(500))
                .body("find { it.name == 'max_daily_loss' }.unit", equalTo("fraction of portfolio value"))
                .body("find { it.name == 'max_daily_loss' }.scope", equalTo("portfolio"))
                .body("find { it.name == 'max_correlation_spike' }.scope", equalTo("config:<configId>"))
                .body("find { it.name == 'unusual_market_threshold' }.scope", equalTo("market:<exchange>|<pair>"))
                .body("find { it.name == 'latency_threshold_ms' }.scope", equalTo("exchange:<exchange>"))
                .body("find { it.name == 'latency_threshold_ms' }.coolDown", equalTo("PT15M"))
                .body("find { it.name == 'consecutive_losses_limit' }.coolDown", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aConsumedConfigurationIsWatchedWithEveryBreakerArmed() throws Exception {
        String configId = "cb-test-" + UUID.randomUUID();
        ConfigTrained config = TestEvents.configTrained(configId, "SMA_CROSSOVER",
                new SeriesRef("bitstamp-2013", "BTC/USD", "1h"), "DISCOVERY");
        kafka.publish(Topics.CONFIGS_TRAINED, configId, config);
        // the same event again: stored once
        kafka.publish(Topics.CONFIGS_TRAINED, configId, config);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().queryParam("limit", 500).when().get("/api/circuit-breakers/configurations")
                        .then().statusCode(200).body("configId", hasItem(configId)));

        String path = "find { it.configId == '" + configId + "' }";
        given().queryParam("limit", 500).queryParam("stage", "discovery").when().get("/api/circuit-breakers/configurations")
                .then().statusCode(200)
                .body("findAll { it.configId == '" + configId + "' }", hasSize(1))
                .body(path + ".strategy", equalTo("SMA_CROSSOVER"))
                .body(path + ".stage", equalTo("DISCOVERY"))
                .body(path + ".market.exchange", equalTo("bitstamp-2013"))
                .body(path + ".market.pair", equalTo("BTC/USD"))
                .body(path + ".market.timeframe", equalTo("1h"))
                .body(path + ".receivedAt", notNullValue())
                .body(path + ".breakers.size()", equalTo(7))
                .body(path + ".breakers.max_daily_loss", equalTo("ARMED"))
                .body(path + ".breakers.max_correlation_spike", equalTo("ARMED"))
                .body(path + ".breakers.unusual_market_threshold", equalTo("ARMED"))
                .body(path + ".breakers.latency_threshold_ms", equalTo("ARMED"))
                .body(path + ".breakers.max_adverse_selection", equalTo("ARMED"))
                .body(path + ".breakers.consecutive_losses_limit", equalTo("ARMED"))
                .body(path + ".breakers.regime_break_threshold", equalTo("ARMED"));
    }

    @Test
    void isReadyWithKafkaAndTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Kafka")))
                .body("checks.name", hasItem(containsString("Database")));
        given().when().get("/q/metrics").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/api/circuit-breakers/defaults"));
    }

    @Test
    void badPagingIsAProblem() {
        given().queryParam("limit", 0).queryParam("offset", -1).when().get("/api/circuit-breakers/configurations")
                .then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.contains("limit", "offset"));
    }
}
