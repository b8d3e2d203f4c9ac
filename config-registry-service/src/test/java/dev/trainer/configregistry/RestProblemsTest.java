package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.trainer.contracts.EventTypes;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 13's reproductions against config-registry-service: each is a 400 problem naming the field. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class RestProblemsTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void aNulInAConfigurationIdIsA400NamingIt() {
        for (String path : new String[] {"/api/configs/%00", "/api/configs/%00/v3", "/api/configs/%00/history"}) {
            given().urlEncodingEnabled(false).when().get(path)
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("id"));
        }
        given().urlEncodingEnabled(false).when().get("/api/configs/compare?ids=a,%00")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("ids"));
    }

    @Test
    void aNulInAPromoteReasonOrActorIsA400NamingIt() {
        String id = EventTypes.newEventId();
        given().contentType(ContentType.JSON).body(Map.of("reason", "looks\u0000good", "actor", "alice"))
                .when().post("/api/configs/" + id + "/promote")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", containsString("U+0000"));
        given().contentType(ContentType.JSON).body(Map.of("reason", "line one\nline two", "actor", "al\u0000ice"))
                .when().post("/api/configs/" + id + "/retire")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("actor")));
    }

    @Test
    void aWronglyTypedOrMalformedTransitionBodyIsA400NamingTheField() {
        String id = EventTypes.newEventId();
        // was a bare 400 without a body
        given().contentType(ContentType.JSON).body("{\"reason\": {\"why\": 1}, \"actor\": \"alice\"}")
                .when().post("/api/configs/" + id + "/demote")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("reason")).body("errors[0].message", equalTo("must be a string"));
        // was a problem whose detail was "HTTP 400 Bad Request"
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\", ")
                .when().post("/api/configs/" + id + "/demote")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("body"))
                .body("errors[0].message", containsString("not valid JSON"))
                .body("detail", not(containsString("HTTP 400")));
    }

    @Test
    void theOpenApiDocumentsTheSharedProblemsNextToTheEndpointsOwn() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/configs/{id}/promote'.post.responses.keySet()", hasItems("200", "400", "404", "409", "500"))
                .body("paths.'/api/configs/{id}'.get.responses.keySet()", hasItems("200", "400", "404", "500"));
    }
}
