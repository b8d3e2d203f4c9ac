package dev.trainer.configregistry;

import dev.trainer.devinfra.TestKafka;
import org.eclipse.microprofile.config.ConfigProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.configregistry.repository.TrainedConfiguration;
import dev.trainer.configregistry.repository.TrainedConfigurationRepository;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ConfigRegistryServiceTest {

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    static {
        // JSON numbers with a fraction as doubles, not floats, so they compare exactly with the stored doubles
        RestAssured.config = RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Inject
    TrainedConfigurationRepository repository;

    @Inject
    EntityManager em;

    @Test
    void storesAConfigurationWithItsKeyNumbersAndServesIt() throws Exception {
        String configId = "reg-" + UUID.randomUUID();
        String strategy = "STORE_" + UUID.randomUUID();
        ConfigTrained config = TestEvents.configTrained(configId, strategy, new SeriesRef("binance", "BTC/USDT", "5m"),
                "VALIDATION", 0.123, 1.8, 64);
        kafka.publish(Topics.CONFIGS_TRAINED, configId, config);

        awaitStored(configId);
        given().when().get("/api/configs/" + configId).then().statusCode(200)
                .body("configId", equalTo(configId))
                .body("eventId", equalTo(config.eventId()))
                .body("jobId", equalTo(config.jobId()))
                .body("userId", equalTo("user-7"))
                .body("strategy", equalTo(strategy))
                .body("market.exchange", equalTo("binance"))
                .body("market.pair", equalTo("BTC/USDT"))
                .body("market.timeframe", equalTo("5m"))
                .body("parameters.fast", equalTo(5.0))
                .body("v3Config.version", equalTo("V3"))
                .body("v3Config.risk.fee_per_side_fraction", equalTo(0.001))
                .body("inSampleMetrics.sharpe_daily", equalTo(2.0))
                .body("outOfSampleMetrics.trade_count", equalTo(64))
                .body("statistics.trials_evaluated", equalTo(200))
                .body("netProfitFraction", closeTo(0.123, 1e-12))
                .body("sharpeDaily", closeTo(1.8, 1e-12))
                .body("maxDrawdownFraction", closeTo(0.07, 1e-12))
                .body("grossWinRateFraction", closeTo(0.55, 1e-12))
                .body("tradeCount", equalTo(64))
                .body("pValue", closeTo(0.012, 1e-12))
                .body("zScore", closeTo(2.4, 1e-12))
                .body("stabilityScore", closeTo(0.61, 1e-12))
                .body("lifecycleStage", equalTo("VALIDATION"))
                .body("stageReasons", hasSize(1))
                .body("dataFingerprint", equalTo("fingerprint-" + configId))
                .body("qualityScoreFraction", closeTo(0.97, 1e-12))
                .body("codeVersion", equalTo("0.1.0-test"))
                .body("seed", equalTo(42))
                .body("optimizationMethod", equalTo("grid"))
                .body("validationMethod", equalTo("walk_forward"))
                .body("trialsEvaluated", equalTo(200))
                .body("trainedAt", notNullValue())
                .body("createdAt", notNullValue());
    }

    @Test
    void anUndefinedKeyNumberIsStoredAsNull() throws Exception {
        String configId = "reg-" + UUID.randomUUID();
        ConfigTrained config = TestEvents.configTrained(configId, "NULLS_" + UUID.randomUUID(),
                new SeriesRef("kraken", "ETH/USD", "1d"), "PAPER", -0.02, null, 1);
        kafka.publish(Topics.CONFIGS_TRAINED, configId, config);
        awaitStored(configId);
        given().when().get("/api/configs/" + configId).then().statusCode(200)
                .body("sharpeDaily", nullValue())
                .body("outOfSampleMetrics.sharpe_daily_undefined_reason", equalTo("fewer than 2 out-of-sample days"))
                .body("lifecycleStage", equalTo("PAPER"));
    }

    @Test
    void filtersByStrategyExchangePairTimeframeAndStage() throws Exception {
        String strategy = "FILTER_" + UUID.randomUUID();
        String a = "reg-" + UUID.randomUUID();
        String b = "reg-" + UUID.randomUUID();
        String c = "reg-" + UUID.randomUUID();
        kafka.publish(Topics.CONFIGS_TRAINED, a, TestEvents.configTrained(a, strategy,
                new SeriesRef("binance", "BTC/USDT", "5m"), "PAPER", -0.1, 0.2, 40));
        kafka.publish(Topics.CONFIGS_TRAINED, b, TestEvents.configTrained(b, strategy,
                new SeriesRef("binance", "ETH/USDT", "1h"), "MATURE", 0.4, 2.1, 150));
        kafka.publish(Topics.CONFIGS_TRAINED, c, TestEvents.configTrained(c, strategy,
                new SeriesRef("kraken", "ETH/USDT", "1h"), "DISCOVERY", 0.05, 0.9, 12));
        awaitStored(a);
        awaitStored(b);
        awaitStored(c);

        given().queryParam("strategy", strategy).when().get("/api/configs").then().statusCode(200)
                .body("configId", containsInAnyOrder(a, b, c));
        given().queryParam("strategy", strategy).queryParam("exchange", "binance").when().get("/api/configs").then()
                .body("configId", containsInAnyOrder(a, b));
        given().queryParam("strategy", strategy).queryParam("pair", "ETH/USDT").when().get("/api/configs").then()
                .body("configId", containsInAnyOrder(b, c));
        given().queryParam("strategy", strategy).queryParam("timeframe", "5m").when().get("/api/configs").then()
                .body("configId", containsInAnyOrder(a));
        given().queryParam("strategy", strategy).queryParam("stage", "mature").when().get("/api/configs").then()
                .body("configId", containsInAnyOrder(b));
        given().queryParam("strategy", strategy).queryParam("exchange", "kraken").queryParam("pair", "ETH/USDT")
                .queryParam("timeframe", "1h").queryParam("stage", "DISCOVERY").when().get("/api/configs").then()
                .body("configId", containsInAnyOrder(c));
        given().queryParam("strategy", strategy).queryParam("stage", "VALIDATION").when().get("/api/configs").then()
                .body("$", hasSize(0));
        given().queryParam("strategy", strategy).queryParam("limit", 2).when().get("/api/configs").then()
                .body("$", hasSize(2));
        given().queryParam("strategy", strategy).queryParam("limit", 2).queryParam("offset", 2).when().get("/api/configs")
                .then().body("$", hasSize(1));
    }

    @Test
    void aRepeatedEventOrConfigurationIsStoredOnce() throws Exception {
        String configId = "reg-" + UUID.randomUUID();
        String strategy = "REPEAT_" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("binance", "SOL/USDT", "15m");
        ConfigTrained first = TestEvents.configTrained(configId, strategy, market, "DISCOVERY", 0.05, 0.9, 12);
        // another event for the same configuration, e.g. a recomputation: must not replace or duplicate the first
        ConfigTrained recomputed = TestEvents.configTrained(configId, strategy, market, "PAPER", -0.3, -1.0, 12);
        assertEquals(first.configId(), recomputed.configId());
        // same key, so one partition: processed in this order
        kafka.publish(Topics.CONFIGS_TRAINED, configId, first, first, recomputed);

        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> processed(recomputed.eventId()));
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(1L, repository.count("configId", configId));
            TrainedConfiguration stored = repository.findById(configId);
            assertEquals(first.eventId(), stored.eventId);
            assertEquals("DISCOVERY", stored.lifecycleStage);
        });
        given().queryParam("strategy", strategy).when().get("/api/configs").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].netProfitFraction", closeTo(0.05, 1e-12));
    }

    @Test
    void aRecordThatIsNotAConfigurationDoesNotStopConsumption() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        kafka.publishRaw(Topics.CONFIGS_TRAINED, key, "[1, 2".getBytes());
        String configId = "reg-" + UUID.randomUUID();
        // same key, so same partition, after the bad record
        kafka.publish(Topics.CONFIGS_TRAINED, key, TestEvents.configTrained(configId, "AFTER_" + UUID.randomUUID(),
                new SeriesRef("binance", "BTC/USDT", "4h"), "PAPER", -0.01, 0.1, 5));
        awaitStored(configId);
    }

    @Test
    void anUnknownConfigurationIsAProblem() {
        given().when().get("/api/configs/" + EventTypes.newEventId()).then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not Found"))
                .body("detail", notNullValue());
    }

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static void awaitStored(String configId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().when().get("/api/configs/" + configId).then().statusCode(200));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_events where event_id = ?1 and consumer = 'configs-trained'")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }
}
