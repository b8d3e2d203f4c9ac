package dev.trainer.cleaning;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** cleaning-service's REST parameters answer 400 problems naming them, never a 404 or a silent clamp. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    @Test
    void aBadLimitIsA400NamingIt() {
        for (String limit : new String[] {"abc", "0", "5001"}) {
            given().when().get("/api/quality/reports?limit=" + limit)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("limit"));
        }
        given().when().get("/api/quality/reports?limit=5000").then().statusCode(200);
    }

    @Test
    void aNulInAFilterIsA400NamingIt() {
        given().urlEncodingEnabled(false).when().get("/api/quality/reports?jobId=%00")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("jobId"));
    }

    @Test
    void theOpenApiDocumentsTheSharedProblems() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/quality/reports'.get.responses.keySet()", hasItems("200", "400", "500"))
                .body("paths.'/api/quality/policy'.get.responses.keySet()", hasItems("200", "500"));
    }
}
