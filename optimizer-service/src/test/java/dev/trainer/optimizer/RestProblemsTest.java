package dev.trainer.optimizer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Issue 13's reproductions against optimizer-service's REST API: each answers a 400 or 409 problem naming the cause. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    /** A canonical request the validator accepts, with the period given. */
    private static String canonical(String periodFrom, String periodUntil) {
        return """
                {"userId": "u", "strategy": "SMA_CROSSOVER", "pairs": ["BTC/USD"], "exchanges": ["bitstamp-2013"],
                 "timeframes": ["1h"], "optimization": {"method": "grid"},
                 "validation": {"method": "train_test_split", "trainRatio": 0.7},
                 "periodFrom": "%s", "periodUntil": "%s", "parallelWorkers": 1}""".formatted(periodFrom, periodUntil);
    }

    @Test
    void aNulInAJobIdIsA400NamingIt() {
        for (String path : new String[] {"/api/training/jobs/%00", "/api/training/jobs/%00/results",
                "/api/training/jobs/%00/trials?market=x"}) {
            given().urlEncodingEnabled(false).when().get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        }
        given().urlEncodingEnabled(false).when().post("/api/training/jobs/%00/cancel")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
    }

    @Test
    void anEstimateWithAPeriodOutOfRangeIsA400NamingIt() {
        given().contentType("application/json").body(canonical("-999999999-01-01T00:00:00Z", "2013-12-01T00:00:00Z"))
                .when().post("/api/training/estimate")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("periodFrom"));
        given().contentType("application/json").body(canonical("2013-11-25T00:00:00Z", "+999999999-12-31T00:00:00Z"))
                .when().post("/api/training/jobs")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("periodUntil"));
    }

    @Test
    void malformedJsonIsA400ThatSaysSo() {
        given().contentType("application/json").body("{\"strategy\": ")
                .when().post("/api/training/jobs")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("not valid JSON"))
                .body("detail", not(containsString("HTTP 400")));
    }

    @Test
    void aWronglyTypedBodyIsA400Problem() {
        for (String body : new String[] {"[1, 2]", "\"a request\"", "42",
                "{\"strategy\": {\"name\": \"SMA_CROSSOVER\"}, \"pairs\": \"BTC/USD\"}"}) {
            given().contentType("application/json").body(body)
                    .when().post("/api/training/jobs")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.size()", org.hamcrest.Matchers.greaterThan(0))
                    .body(not(containsString("java.")));
        }
    }

    @Test
    void pagingIsCheckedNeverClampedNorA404() {
        given().when().get("/api/training/jobs?limit=abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/training/jobs?limit=0")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/training/jobs?limit=501")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/training/jobs?limit=500").then().statusCode(200);
        given().when().get("/api/training/jobs/any/trials?market=a|b|1h&limit=10001&offset=-1&window=x&detail=maybe")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItems("limit", "offset", "window", "detail"));
        given().when().get("/api/training/jobs/any/trials?market=a|b|1h&limit=1001&detail=true")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void cancellingAFinishedJobIsA409Problem() {
        String jobId = given().contentType("application/json")
                .body(canonical("2013-11-25T00:00:00Z", "2013-12-01T00:00:00Z"))
                .when().post("/api/training/jobs").then().statusCode(202).extract().path("jobId");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                given().when().get("/api/training/jobs/" + jobId).then().statusCode(200));
        given().when().post("/api/training/jobs/" + jobId + "/cancel").then().statusCode(204);
        given().when().post("/api/training/jobs/" + jobId + "/cancel")
                .then().statusCode(409).contentType(PROBLEM)
                .body("status", equalTo(409)).body("detail", containsString("already finished"));
    }

    @Test
    void theOpenApiDocumentsEachEndpointsProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/training/jobs/{id}/cancel'.post.responses.keySet()",
                        hasItems("204", "400", "404", "409", "500"))
                .body("paths.'/api/training/jobs/{id}'.get.responses.keySet()", hasItems("200", "400", "404", "500"))
                .body("paths.'/api/training/estimate'.post.responses.keySet()", hasItems("400", "500"));
    }
}
