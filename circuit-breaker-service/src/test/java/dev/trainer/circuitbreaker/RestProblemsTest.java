package dev.trainer.circuitbreaker;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13's reproductions against circuit-breaker-service: each is a 400 problem naming the field. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    private static final String PROBLEM = "application/problem+json";
    private static final String OVERRIDES = "/api/circuit-breakers/overrides/";

    @Test
    void aPortfolioDayOutOfRangeIsA400NamingIt() {
        // was a 500: the day's start overflowed epoch milliseconds
        given().when().get("/api/circuit-breakers/portfolio?day=-999999999-01-01")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("day"));
        given().when().get("/api/circuit-breakers/portfolio?day=+999999999-12-31")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("day"));
        given().when().get("/api/circuit-breakers/portfolio?day=2026-01-01").then().statusCode(200);
    }

    @Test
    void aNulInAnOverridesActorIsA400NamingIt() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("threshold", 0.02, "actor", "bob\u0000", "note", "a quiet\nweek"))
                .when().put(OVERRIDES + "max_daily_loss/portfolio")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("actor")));
        given().urlEncodingEnabled(false).when().delete(OVERRIDES + "max_daily_loss/portfolio?actor=b%00b&note=n")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("actor"));
        given().urlEncodingEnabled(false).when().get(OVERRIDES + "max_daily_loss/port%00folio")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("scope"));
    }

    @Test
    void aWronglyTypedThresholdIsNamedWithoutJavaClasses() {
        given().urlEncodingEnabled(false).contentType(ContentType.JSON)
                .body(Map.of("threshold", "abc", "actor", "a", "note", "n"))
                .when().put(OVERRIDES + "max_daily_loss/portfolio")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("threshold"))
                .body("errors[0].message", equalTo("'abc' is not a number"))
                .body(not(containsString("java.")));
    }

    @Test
    void pagingIsCheckedNeverA404() {
        given().when().get("/api/circuit-breakers/audit?limit=abc")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().when().get("/api/circuit-breakers/states?limit=0&offset=x")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("limit", "offset"));
        given().when().get("/api/circuit-breakers/configurations?limit=501&offset=-1")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItems("limit", "offset"));
        given().when().get("/api/circuit-breakers/states?limit=5000").then().statusCode(200);
    }
}
