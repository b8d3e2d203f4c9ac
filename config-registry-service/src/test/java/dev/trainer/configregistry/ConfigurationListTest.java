package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /api/configs: its filters, sort orders and pages, and the 400s that name a bad parameter. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class ConfigurationListTest {

    private final Registry registry = new Registry();

    @Test
    void eachFilterNarrowsTheList() throws Exception {
        String strategy = "FILTER_" + UUID.randomUUID();
        ConfigTrained a = TestEvents.config(strategy).market(new SeriesRef("binance", "BTC/USDT", "5m")).stage("PAPER")
                .sharpe(0.2).trades(40).statistic("deflated_sharpe_ratio", 0.40).build();
        ConfigTrained b = TestEvents.config(strategy).market(new SeriesRef("binance", "ETH/USDT", "1h")).stage("MATURE")
                .sharpe(2.1).trades(150).statistic("deflated_sharpe_ratio", 0.97).build();
        ConfigTrained c = TestEvents.config(strategy).market(new SeriesRef("kraken", "ETH/USDT", "1h"))
                .stage("DISCOVERY").sharpe(0.9).trades(12).statistic("deflated_sharpe_ratio", 0.80).build();
        ConfigTrained d = TestEvents.config(strategy).market(new SeriesRef("kraken", "BTC/USDT", "5m")).stage("PAPER")
                .sharpe(null).trades(1).build();
        registry.store(a, b, c, d);

        assertListed(strategy, Map.of(), a, b, c, d);
        assertListed(strategy, Map.of("exchange", "binance"), a, b);
        assertListed(strategy, Map.of("pair", "ETH/USDT"), b, c);
        assertListed(strategy, Map.of("timeframe", "5m"), a, d);
        assertListed(strategy, Map.of("stage", "mature"), b);
        assertListed(strategy, Map.of("stage", "VALIDATION"));
        assertListed(strategy, Map.of("jobId", c.jobId()), c);
        // minimums are inclusive; an undefined Sharpe ratio or deflated Sharpe ratio never meets one
        assertListed(strategy, Map.of("minSharpe", "0.9"), b, c);
        assertListed(strategy, Map.of("minSharpe", "-5"), a, b, c);
        assertListed(strategy, Map.of("minTrades", "40"), a, b);
        assertListed(strategy, Map.of("minTrades", "0"), a, b, c, d);
        assertListed(strategy, Map.of("minDeflatedSharpe", "0.8"), b, c);
        assertListed(strategy, Map.of("minDeflatedSharpe", "0"), a, b, c);
        assertListed(strategy, Map.of("exchange", "kraken", "pair", "ETH/USDT", "timeframe", "1h", "stage", "DISCOVERY",
                "minSharpe", "0.5", "minTrades", "10", "minDeflatedSharpe", "0.5"), c);
        assertListed(strategy, Map.of("exchange", "kraken", "minTrades", "13"));
    }

    @Test
    void sortsByEachWhitelistedFieldWithUndefinedValuesLast() throws Exception {
        String strategy = "SORT_" + UUID.randomUUID();
        ConfigTrained first = TestEvents.config(strategy).netProfit(0.30).sharpe(1.1).maxDrawdown(0.20).trades(10)
                .statistic("deflated_sharpe_ratio", 0.50).build();
        ConfigTrained second = TestEvents.config(strategy).netProfit(-0.10).sharpe(null).maxDrawdown(0.05).trades(300)
                .build();
        ConfigTrained third = TestEvents.config(strategy).netProfit(0.05).sharpe(2.5).maxDrawdown(0.10).trades(60)
                .statistic("deflated_sharpe_ratio", 0.99).build();
        registry.storeInOrder(first, second, third);

        assertOrder(null, third, second, first);
        assertOrder("created,desc", third, second, first);
        assertOrder("created,asc", first, second, third);
        assertOrder("created", first, second, third);
        assertOrder("netProfit,desc", first, third, second);
        assertOrder("netProfit,asc", second, third, first);
        assertOrder("sharpe,desc", third, first, second);
        assertOrder("sharpe,asc", first, third, second);
        assertOrder("deflatedSharpe,desc", third, first, second);
        assertOrder("deflatedSharpe,asc", first, third, second);
        assertOrder("maxDrawdown,asc", second, third, first);
        assertOrder("maxDrawdown,desc", first, third, second);
        assertOrder("trades,desc", second, third, first);
        assertOrder("TRADES,ASC", first, third, second);
    }

    @Test
    void pagesCoverTheListOnceWithTheTotalOnEach() throws Exception {
        String strategy = "PAGES_" + UUID.randomUUID();
        List<ConfigTrained> configs = new ArrayList<>();
        for (int trades = 1; trades <= 5; trades++) {
            configs.add(TestEvents.config(strategy).trades(trades).build());
        }
        registry.store(configs.toArray(ConfigTrained[]::new));

        page(strategy, 0, 2).body("items.tradeCount", contains(1, 2)).body("total", equalTo(5)).body("page", equalTo(0))
                .body("size", equalTo(2));
        page(strategy, 1, 2).body("items.tradeCount", contains(3, 4)).body("total", equalTo(5)).body("page", equalTo(1));
        page(strategy, 2, 2).body("items.tradeCount", contains(5)).body("total", equalTo(5));
        page(strategy, 3, 2).body("items", hasSize(0)).body("total", equalTo(5));
        page(strategy, 0, 500).body("items", hasSize(5));
    }

    @Test
    void aBadParameterIsA400NamingIt() {
        assertRefused("sort", "price,desc", "cannot sort by 'price'");
        assertRefused("sort", "sharpe,down", "neither asc nor desc");
        assertRefused("sort", "sharpe,desc,asc", "is not field");
        assertRefused("page", "-1", "not between 0");
        assertRefused("page", "first", "not a whole number");
        assertRefused("size", "0", "not between 1 and 500");
        assertRefused("size", "501", "not between 1 and 500");
        assertRefused("limit", "1000", "not between 1 and 500");
        assertRefused("minSharpe", "high", "not a number");
        assertRefused("minSharpe", "NaN", "not a finite number");
        assertRefused("minTrades", "2.5", "not a whole number");
        assertRefused("minTrades", "-1", "not between 0");
        assertRefused("minDeflatedSharpe", "1.5", "not between 0.0 and 1.0");
        assertRefused("stage", "LIVE", "unknown stage 'LIVE'");
        assertRefused("offset", "10", "use page");

        given().queryParam("size", 10).queryParam("limit", 10).when().get("/api/configs").then().statusCode(400)
                .body("errors.field", contains("limit"));
        given().queryParam("page", 5_000_000).queryParam("size", 500).when().get("/api/configs").then()
                .statusCode(400).body("errors.field", contains("page"));
        // every bad parameter at once
        given().queryParam("sort", "x").queryParam("minTrades", "y").when().get("/api/configs").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("sort", "minTrades"));
    }

    /** The strategy keeps other tests' configurations out of the list. */
    private static void assertListed(String strategy, Map<String, String> filters, ConfigTrained... expected) {
        given().queryParam("strategy", strategy).queryParams(filters).when().get("/api/configs").then().statusCode(200)
                .body("items.configId", containsInAnyOrder(ids(expected)))
                .body("total", equalTo(expected.length));
    }

    private static void assertOrder(String sort, ConfigTrained... expected) {
        var request = given().queryParam("strategy", expected[0].strategy());
        if (sort != null) {
            request.queryParam("sort", sort);
        }
        request.when().get("/api/configs").then().statusCode(200).body("items.configId", contains(ids(expected)));
    }

    private static ValidatableResponse page(String strategy, int page, int size) {
        return given().queryParam("strategy", strategy).queryParam("sort", "trades,asc").queryParam("page", page)
                .queryParam("size", size).when().get("/api/configs").then().statusCode(200);
    }

    private static void assertRefused(String parameter, String value, String message) {
        given().queryParam(parameter, value).when().get("/api/configs").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(parameter))
                .body("errors[0].message", containsString(message));
    }

    private static Object[] ids(ConfigTrained... configs) {
        return Arrays.stream(configs).map(ConfigTrained::configId).toArray();
    }
}
