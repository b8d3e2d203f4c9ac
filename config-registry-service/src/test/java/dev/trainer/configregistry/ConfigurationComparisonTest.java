package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/configs/compare: configurations side by side. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ConfigurationComparisonTest {

    private final Registry registry = new Registry();

    @Test
    void putsConfigurationsSideBySideInTheOrderAskedWithTheParametersThatDiffer() throws Exception {
        String strategy = "COMPARE_" + UUID.randomUUID();
        ConfigTrained a = TestEvents.config(strategy).market(new SeriesRef("binance", "BTC/USDT", "5m")).stage("MATURE")
                .parameters(Map.of("fast", 5.0, "slow", 40.0)).netProfit(0.3).sharpe(2.2).trades(140)
                .statistic("deflated_sharpe_ratio", 0.96).build();
        ConfigTrained b = TestEvents.config(strategy).market(new SeriesRef("kraken", "BTC/USD", "1h")).stage("PAPER")
                .parameters(Map.of("fast", 8.0, "slow", 40.0)).netProfit(-0.05).sharpe(null).trades(9).build();
        ConfigTrained c = TestEvents.config(strategy).parameters(Map.of("fast", 5.0, "slow", 40.0, "stop_atr", 2.0))
                .build();
        registry.store(a, b, c);

        JsonPath comparison = given().queryParam("ids", b.configId() + "," + a.configId() + "," + c.configId())
                .when().get("/api/configs/compare").then().statusCode(200)
                .body("configIds", contains(b.configId(), a.configId(), c.configId()))
                .body("parameterNames", contains("fast", "slow", "stop_atr"))
                .body("configurations.configId", contains(b.configId(), a.configId(), c.configId()))
                .body("configurations.market.exchange", contains("kraken", "binance", "binance"))
                .body("configurations.lifecycleStage", contains("PAPER", "MATURE", "VALIDATION"))
                .body("configurations[0].parameters.fast", equalTo(8.0))
                .body("configurations[0].parameters.stop_atr", equalTo(null))
                .body("configurations[2].parameters.stop_atr", equalTo(2.0))
                .body("configurations.keyFigures.netProfitFraction", contains(-0.05, 0.3, 0.1))
                .body("configurations.keyFigures.sharpeDaily", contains(null, 2.2, 1.0))
                .body("configurations.keyFigures.tradeCount", contains(9, 140, 50))
                .body("configurations.keyFigures.deflatedSharpeProbability", contains(null, 0.96, null))
                .body("parameterDifferences.name", contains("fast", "stop_atr"))
                .body("parameterDifferences[0].values", contains(8.0, 5.0, 5.0))
                .body("parameterDifferences[1].values", contains(null, null, 2.0))
                .extract().jsonPath();

        // side by side means the same rows in the same order for every configuration
        List<List<String>> parameterKeys = new ArrayList<>();
        List<List<String>> figureKeys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parameterKeys.add(List.copyOf(comparison.<String, Object>getMap("configurations[" + i + "].parameters").keySet()));
            figureKeys.add(List.copyOf(comparison.<String, Object>getMap("configurations[" + i + "].keyFigures").keySet()));
        }
        assertEquals(List.of("fast", "slow", "stop_atr"), parameterKeys.get(0));
        assertEquals(parameterKeys.get(0), parameterKeys.get(1));
        assertEquals(parameterKeys.get(0), parameterKeys.get(2));
        assertEquals("netProfitFraction", figureKeys.get(0).get(0));
        assertEquals(figureKeys.get(0), figureKeys.get(1));
        assertEquals(figureKeys.get(0), figureKeys.get(2));
    }

    @Test
    void takesIdsRepeatedAsWellAsCommaSeparated() throws Exception {
        String strategy = "COMPARE_REPEATED_" + UUID.randomUUID();
        ConfigTrained a = TestEvents.config(strategy).build();
        ConfigTrained b = TestEvents.config(strategy).build();
        registry.store(a, b);

        given().queryParam("ids", a.configId()).queryParam("ids", b.configId()).when().get("/api/configs/compare")
                .then().statusCode(200)
                .body("configIds", contains(a.configId(), b.configId()))
                .body("parameterDifferences", hasSize(0));
    }

    @Test
    void comparesTwoToTenDistinctKnownConfigurations() throws Exception {
        ConfigTrained a = TestEvents.config("COMPARE_BAD_" + UUID.randomUUID()).build();
        registry.store(a);

        given().queryParam("ids", a.configId()).when().get("/api/configs/compare").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("ids"))
                .body("errors[0].message", containsString("1 ids given; compare 2 to 10"));
        given().when().get("/api/configs/compare").then().statusCode(400).body("errors.field", contains("ids"));
        List<String> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(EventTypes.newEventId());
        }
        given().queryParam("ids", String.join(",", eleven)).when().get("/api/configs/compare").then().statusCode(400)
                .body("errors[0].message", containsString("11 ids given"));
        given().queryParam("ids", a.configId() + "," + a.configId()).when().get("/api/configs/compare").then()
                .statusCode(400).body("errors[0].message", containsString("more than once"));

        String unknown = EventTypes.newEventId();
        given().queryParam("ids", a.configId() + "," + unknown).when().get("/api/configs/compare").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no trained configuration with id " + unknown));
    }
}
