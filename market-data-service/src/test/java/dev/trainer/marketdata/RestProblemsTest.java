package dev.trainer.marketdata;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** Issue 13's reproductions against market-data-service: each is a 400 problem naming the field. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aFetchSinceOutOfRangeIsA400NamingIt() {
        // was a 500: the instant overflowed epoch milliseconds
        given().contentType(ContentType.JSON).body("""
                {"exchange": "binance", "pair": "BTC/USDT", "timeframe": "1h",
                 "since": "-999999999-01-01T00:00:00Z", "until": "2024-01-01T00:00:00Z"}""")
                .when().post("/api/market-data/fetches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("since"))
                .body("errors.find { it.field == 'since' }.message", containsString("outside 1970-01-01T00:00:00Z"));
        given().when().get("/api/market-data/gaps?exchange=binance&pair=BTC/USDT&timeframe=1h"
                        + "&from=2024-01-01&until=+999999999-01-01T00:00:00Z")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("until"));
    }

    @Test
    void aWronglyTypedOrMalformedFetchBodyIsA400NamingTheField() {
        // was a bare 400 without a body
        given().contentType(ContentType.JSON).body("{\"exchange\": [\"binance\"], \"pair\": \"BTC/USDT\"}")
                .when().post("/api/market-data/fetches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("exchange")).body("errors[0].message", equalTo("must be a string"));
        given().contentType(ContentType.JSON).body("{\"exchange\": ")
                .when().post("/api/market-data/fetches")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("detail", not(containsString("HTTP 400")));
    }

    @Test
    void importPagingAndIdsAreCheckedNeverClampedNorA404() {
        given().when().get("/api/market-data/imports?limit=abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/market-data/imports?limit=501")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/market-data/imports/abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        given().when().get("/api/market-data/imports/999999999")
                .then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void theOpenApiDocumentsTheSharedProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/market-data/imports/{id}'.get.responses.keySet()", hasItems("200", "400", "404", "500"))
                .body("paths.'/api/market-data/fetches'.post.responses.keySet()", hasItems("400", "500"));
    }
}
