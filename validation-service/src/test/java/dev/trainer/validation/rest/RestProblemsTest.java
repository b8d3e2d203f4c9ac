package dev.trainer.validation.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 13's reproductions against validation-service, and the shared error layer of libs/service-support. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    @Test
    void aNulInTheConfigurationIdIsA400NamingIt() {
        // was a 500: PostgreSQL refuses a NUL in text
        given().urlEncodingEnabled(false).when().get("/api/validations/%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("configId"))
                .body("errors[0].message", containsString("U+0000"));
        given().urlEncodingEnabled(false).when().get("/api/validations/a%01b")
                .then().statusCode(400).body("errors[0].field", equalTo("configId"));
    }

    @Test
    void aControlCharacterInAQueryParameterIsA400NamingIt() {
        given().urlEncodingEnabled(false).when().get("/api/validations?jobId=x%00y")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("jobId"));
    }

    @Test
    void aMissingJobIdIsA400NamingIt() {
        given().when().get("/api/validations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("jobId"));
    }

    @Test
    void anUnexpectedErrorIsA500ProblemWithAnErrorIdAndNoInternals() {
        given().when().get("/test-only/failing")
                .then().statusCode(500).contentType("application/problem+json")
                .body("status", equalTo(500))
                .body("errorId", matchesPattern("[0-9a-f-]{36}"))
                .body("detail", not(containsString("db-internal")))
                .body(not(containsString(FailingResource.SECRET)))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void anUnknownPathIsStillA404Problem() {
        given().when().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theOpenApiDocumentsTheSharedProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/validations/{configId}'.get.responses.keySet()", hasItems("200", "400", "404", "500"))
                .body("paths.'/api/validations'.get.responses.keySet()", hasItems("200", "400", "500"))
                .body("paths.'/api/validations'.get.responses.'500'.content.'application/problem+json'.schema.'$ref'",
                        containsString("Problem"))
                .body("components.schemas.Problem.properties.keySet()", hasItems("errors", "errorId"));
    }
}
