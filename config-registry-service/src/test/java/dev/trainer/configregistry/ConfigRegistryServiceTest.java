package dev.trainer.configregistry;

import dev.trainer.devinfra.TestKafka;
import org.eclipse.microprofile.config.ConfigProvider;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ConfigRegistryServiceTest {

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    private final Registry registry = new Registry();

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

        Registry.awaitStored(configId);
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
        Registry.awaitStored(configId);
        given().when().get("/api/configs/" + configId).then().statusCode(200)
                .body("sharpeDaily", nullValue())
                .body("outOfSampleMetrics.sharpe_daily_undefined_reason", equalTo("fewer than 2 out-of-sample days"))
                .body("lifecycleStage", equalTo("PAPER"));
    }

    @Test
    void theListAnswersAPageWithTheTotalAndStillReadsTheFormerLimit() throws Exception {
        String strategy = "PAGE_" + UUID.randomUUID();
        ConfigTrained a = TestEvents.config(strategy).build();
        ConfigTrained b = TestEvents.config(strategy).build();
        ConfigTrained c = TestEvents.config(strategy).build();
        registry.store(a, b, c);

        given().queryParam("strategy", strategy).when().get("/api/configs").then().statusCode(200)
                .contentType("application/json")
                .body("items.configId", containsInAnyOrder(a.configId(), b.configId(), c.configId()))
                .body("total", equalTo(3))
                .body("page", equalTo(0))
                .body("size", equalTo(50));
        // bin/trainer demo asks for ?limit=500
        given().queryParam("strategy", strategy).queryParam("limit", 2).when().get("/api/configs").then()
                .statusCode(200)
                .body("items", hasSize(2))
                .body("total", equalTo(3))
                .body("size", equalTo(2));
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
                .body("items", hasSize(1))
                .body("total", equalTo(1))
                .body("items[0].netProfitFraction", closeTo(0.05, 1e-12));
        given().when().get("/api/configs/" + configId + "/history").then().statusCode(200)
                .body("action", contains("assign"))
                .body("[0].toStage", equalTo("DISCOVERY"));
    }

    @Test
    void aRecordThatIsNotAConfigurationDoesNotStopConsumption() throws Exception {
        String key = "garbage-" + UUID.randomUUID();
        kafka.publishRaw(Topics.CONFIGS_TRAINED, key, "[1, 2".getBytes());
        String configId = "reg-" + UUID.randomUUID();
        // same key, so same partition, after the bad record
        kafka.publish(Topics.CONFIGS_TRAINED, key, TestEvents.configTrained(configId, "AFTER_" + UUID.randomUUID(),
                new SeriesRef("binance", "BTC/USDT", "4h"), "PAPER", -0.01, 0.1, 5));
        Registry.awaitStored(configId);
    }

    @Test
    void storesTheStatisticsOfSkillAgainstLuckInTheirOwnColumns() throws Exception {
        ConfigTrained config = TestEvents.config("STATS_" + UUID.randomUUID()).days(45)
                .statistic("probabilistic_sharpe_ratio", 0.981)
                .statistic("deflated_sharpe_ratio", 0.934)
                .statistic("probability_of_backtest_overfitting", 0.21)
                .statistic("minimum_track_record_length_days", 38.5)
                .build();
        registry.store(config);

        given().when().get("/api/configs/" + config.configId()).then().statusCode(200)
                .body("outOfSampleDays", equalTo(45))
                .body("probabilisticSharpeProbability", equalTo(0.981))
                .body("deflatedSharpeProbability", equalTo(0.934))
                .body("probabilityOfBacktestOverfitting", equalTo(0.21))
                .body("minimumTrackRecordLengthDays", equalTo(38.5))
                .body("statistics.deflated_sharpe_ratio", equalTo(0.934));
        QuarkusTransaction.requiringNew().run(() -> {
            TrainedConfiguration stored = repository.findById(config.configId());
            assertEquals(0.934, stored.deflatedSharpeProbability);
            assertEquals(38.5, stored.minimumTrackRecordLengthDays);
            assertEquals(45, stored.outOfSampleDays);
        });
    }

    @Test
    void statisticsThatWereNotComputedAreLeftOutOfTheConfiguration() throws Exception {
        ConfigTrained config = TestEvents.config("NO_STATS_" + UUID.randomUUID())
                .statistic("deflated_sharpe_ratio", null)
                .statistic("deflated_sharpe_ratio_undefined_reason", "fewer than 2 trials with a Sharpe ratio")
                .build();
        registry.store(config);

        given().when().get("/api/configs/" + config.configId()).then().statusCode(200)
                .body("$", not(hasKey("deflatedSharpeProbability")))
                .body("$", not(hasKey("probabilisticSharpeProbability")))
                .body("$", not(hasKey("probabilityOfBacktestOverfitting")))
                .body("$", not(hasKey("minimumTrackRecordLengthDays")))
                .body("statistics.deflated_sharpe_ratio_undefined_reason",
                        equalTo("fewer than 2 trials with a Sharpe ratio"));
    }

    @Test
    void servesTheV3ConfigurationAsStored() throws Exception {
        ConfigTrained config = TestEvents.config("V3_" + UUID.randomUUID()).stage("MATURE")
                .parameters(Map.of("fast", 7.0, "slow", 30.0)).build();
        registry.store(config);

        given().when().get("/api/configs/" + config.configId() + "/v3").then().statusCode(200)
                .contentType("application/json")
                .body("version", equalTo("V3"))
                .body("config_id", equalTo(config.configId()))
                .body("parameters.fast", equalTo(7.0))
                .body("parameters.slow", equalTo(30.0))
                .body("risk.fee_per_side_fraction", equalTo(0.001))
                .body("stage", equalTo("MATURE"))
                .body("$", not(hasKey("configId")));
        given().when().get("/api/configs/" + EventTypes.newEventId() + "/v3").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void theValidatorsAssignmentIsTheFirstRowOfTheHistory() throws Exception {
        ConfigTrained config = TestEvents.config("ASSIGNED_" + UUID.randomUUID()).stage("DISCOVERY")
                .stageReasons("net profit 4.00%, Sharpe 0.900 pass the paper-trading hurdles", "12 trades: fewer than 30")
                .build();
        registry.store(config);

        given().when().get("/api/configs/" + config.configId() + "/history").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].action", equalTo("assign"))
                .body("[0].fromStage", nullValue())
                .body("[0].toStage", equalTo("DISCOVERY"))
                .body("[0].actor", equalTo("validation-service"))
                .body("[0].reason", equalTo("assigned by the validator: net profit 4.00%, Sharpe 0.900 pass the "
                        + "paper-trading hurdles; 12 trades: fewer than 30"))
                .body("[0].at", notNullValue());
        given().when().get("/api/configs/" + EventTypes.newEventId() + "/history").then().statusCode(404)
                .contentType("application/problem+json");
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
    void theOpenApiDocumentDescribesEveryEndpointAndParameter() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItems("/api/configs", "/api/configs/compare", "/api/configs/{id}",
                        "/api/configs/{id}/v3", "/api/configs/{id}/history", "/api/configs/{id}/promote",
                        "/api/configs/{id}/demote", "/api/configs/{id}/retire"))
                .body("paths.'/api/configs'.get.parameters.name", hasItems("strategy", "exchange", "pair", "timeframe",
                        "stage", "jobId", "minSharpe", "minTrades", "minDeflatedSharpe", "sort", "page", "size"))
                .body("paths.'/api/configs'.get.parameters.find { it.name == 'minTrades' }.description",
                        containsString("out-of-sample closed trades"))
                .body("paths.'/api/configs/{id}/promote'.post.summary", containsString("One stage up"))
                .body("paths.'/api/configs/{id}/promote'.post.responses.keySet()", hasItems("200", "400", "404", "409"))
                .body("paths.'/api/configs'.get.responses.keySet()", hasItems("200", "400"))
                .body("paths.'/api/configs/compare'.get.responses.keySet()", hasItems("200", "400", "404"))
                .body("paths.'/api/configs/{id}/history'.get.responses.keySet()", hasItems("200", "404"))
                .body("paths.'/api/configs/{id}/v3'.get.responses.keySet()", hasItems("200", "404"))
                .body("components.schemas.SeriesRef.properties.keySet()", hasItems("exchange", "pair", "timeframe"));
    }

    @Test
    void isReady() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private boolean processed(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from processed_events where event_id = ?1 and consumer = 'configs-trained'")
                .setParameter(1, eventId).getSingleResult()).longValue() == 1);
    }
}
