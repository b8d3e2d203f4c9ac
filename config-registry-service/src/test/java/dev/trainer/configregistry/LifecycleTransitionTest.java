package dev.trainer.configregistry;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.devinfra.InfraTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** POST /api/configs/{id}/promote|demote|retire and GET /api/configs/{id}/history. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class LifecycleTransitionTest {

    private final Registry registry = new Registry();

    @Test
    void promoteAndDemoteMoveOneRungAndLeaveTheirReasonAsTheStagesReason() throws Exception {
        ConfigTrained config = TestEvents.config("LADDER_" + UUID.randomUUID()).stage("PAPER").build();
        registry.store(config);
        String id = config.configId();

        transition(id, "promote", "alice", "paper fills look right").statusCode(200)
                .contentType(ContentType.JSON)
                .body("configId", equalTo(id))
                .body("lifecycleStage", equalTo("DISCOVERY"))
                .body("stageReasons", contains("promoted from PAPER to DISCOVERY by alice: paper fills look right"))
                .body("market.exchange", equalTo("binance"));
        transition(id, "promote", "bob", "40 live trades").statusCode(200).body("lifecycleStage", equalTo("VALIDATION"));
        transition(id, "promote", "alice", "120 live trades").statusCode(200).body("lifecycleStage", equalTo("MATURE"));
        transition(id, "demote", "carol", "slippage doubled").statusCode(200)
                .body("lifecycleStage", equalTo("VALIDATION"))
                .body("stageReasons", contains("demoted from MATURE to VALIDATION by carol: slippage doubled"));

        given().when().get("/api/configs/" + id).then().statusCode(200).body("lifecycleStage", equalTo("VALIDATION"));
        given().queryParam("strategy", config.strategy()).queryParam("stage", "VALIDATION").when().get("/api/configs")
                .then().body("items.configId", contains(id));
    }

    @Test
    void promotingBeyondMatureIsRefusedAndChangesNothing() throws Exception {
        ConfigTrained config = TestEvents.config("TOP_" + UUID.randomUUID()).stage("MATURE").build();
        registry.store(config);

        transition(config.configId(), "promote", "alice", "even better").statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("detail", containsString("MATURE is the top of the ladder PAPER < DISCOVERY < VALIDATION < MATURE"));
        given().when().get("/api/configs/" + config.configId()).then().body("lifecycleStage", equalTo("MATURE"))
                .body("stageReasons", contains("because of a test"));
        history(config.configId()).body("action", contains("assign"));
    }

    @Test
    void demotingBelowPaperIsRefused() throws Exception {
        ConfigTrained config = TestEvents.config("BOTTOM_" + UUID.randomUUID()).stage("PAPER").build();
        registry.store(config);

        transition(config.configId(), "demote", "alice", "worse still").statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("PAPER is the bottom of the ladder"));
        given().when().get("/api/configs/" + config.configId()).then().body("lifecycleStage", equalTo("PAPER"));
    }

    @Test
    void decayIsOffTheLadderAndCanOnlyBeRetired() throws Exception {
        ConfigTrained config = TestEvents.config("DECAYED_" + UUID.randomUUID()).stage("DECAY").build();
        registry.store(config);

        transition(config.configId(), "promote", "alice", "recovered").statusCode(409)
                .body("detail", containsString("DECAY is not on the ladder"));
        transition(config.configId(), "demote", "alice", "worse").statusCode(409)
                .body("detail", containsString("DECAY is not on the ladder"));
        transition(config.configId(), "retire", "alice", "edge gone").statusCode(200)
                .body("lifecycleStage", equalTo("RETIRED"));
    }

    @Test
    void aRetiredConfigurationRefusesEveryTransition() throws Exception {
        ConfigTrained config = TestEvents.config("RETIRED_" + UUID.randomUUID()).stage("VALIDATION").build();
        registry.store(config);
        String id = config.configId();

        transition(id, "retire", "dave", "exchange delisted the pair").statusCode(200)
                .body("lifecycleStage", equalTo("RETIRED"))
                .body("stageReasons", contains("retired from VALIDATION to RETIRED by dave: exchange delisted the pair"));
        for (String action : new String[] {"promote", "demote", "retire"}) {
            transition(id, action, "erin", "try again").statusCode(409)
                    .contentType("application/problem+json")
                    .body("detail", containsString("RETIRED"));
        }
        given().queryParam("strategy", config.strategy()).queryParam("stage", "retired").when().get("/api/configs")
                .then().body("items.configId", contains(id));
        history(id).body("action", contains("assign", "retire"));
    }

    @Test
    void theHistoryListsEveryTransitionInOrderWithItsActorAndReason() throws Exception {
        ConfigTrained config = TestEvents.config("HISTORY_" + UUID.randomUUID()).stage("DISCOVERY")
                .stageReasons("12 trades: fewer than 30").build();
        registry.store(config);
        String id = config.configId();

        transition(id, "promote", "alice", "first").statusCode(200);
        transition(id, "demote", "bob", "second").statusCode(200);
        transition(id, "demote", "carol", "third").statusCode(200);
        transition(id, "demote", "dave", "fourth: refused, below PAPER").statusCode(409);
        transition(id, "retire", "erin", "fifth").statusCode(200);

        history(id).body("$", hasSize(5))
                .body("action", contains("assign", "promote", "demote", "demote", "retire"))
                .body("fromStage", contains(null, "DISCOVERY", "VALIDATION", "DISCOVERY", "PAPER"))
                .body("toStage", contains("DISCOVERY", "VALIDATION", "DISCOVERY", "PAPER", "RETIRED"))
                .body("actor", contains("validation-service", "alice", "bob", "carol", "erin"))
                .body("reason", contains("assigned by the validator: 12 trades: fewer than 30", "first", "second",
                        "third", "fifth"));
    }

    @Test
    void aTransitionNeedsAReasonAndAnActor() throws Exception {
        ConfigTrained config = TestEvents.config("NO_REASON_" + UUID.randomUUID()).stage("PAPER").build();
        registry.store(config);
        String id = config.configId();

        post(id, "promote", Map.of("actor", "alice")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("reason"))
                .body("errors[0].message", equalTo("is required"));
        post(id, "promote", Map.of("reason", "   ", "actor", "alice")).statusCode(400)
                .body("errors.field", contains("reason"));
        post(id, "demote", Map.of("reason", "why not")).statusCode(400).body("errors.field", contains("actor"));
        post(id, "retire", Map.of()).statusCode(400).body("errors.field", contains("reason", "actor"));
        post(id, "retire", Map.of("reason", "x".repeat(2001), "actor", "alice")).statusCode(400)
                .body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).when().post("/api/configs/" + id + "/retire").then().statusCode(400)
                .body("errors.field", contains("body"));

        given().when().get("/api/configs/" + id).then().body("lifecycleStage", equalTo("PAPER"));
        history(id).body("$", hasSize(1));
    }

    @Test
    void anUnknownConfigurationCannotBeMoved() {
        String unknown = EventTypes.newEventId();
        transition(unknown, "promote", "alice", "why").statusCode(404)
                .contentType("application/problem+json")
                .body("detail", equalTo("no trained configuration with id " + unknown));
    }

    @Test
    void aTransitionLeavesTheStoredV3ConfigurationAlone() throws Exception {
        ConfigTrained config = TestEvents.config("V3_KEPT_" + UUID.randomUUID()).stage("VALIDATION").build();
        registry.store(config);

        transition(config.configId(), "promote", "alice", "ready").statusCode(200);
        given().when().get("/api/configs/" + config.configId() + "/v3").then().statusCode(200)
                .body("stage", equalTo("VALIDATION"))
                .body("parameters.fast", equalTo(5.0));
    }

    private static ValidatableResponse transition(String id, String action, String actor, String reason) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("reason", reason);
        body.put("actor", actor);
        return post(id, action, body);
    }

    private static ValidatableResponse post(String id, String action, Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/configs/" + id + "/" + action).then();
    }

    private static ValidatableResponse history(String id) {
        return given().when().get("/api/configs/" + id + "/history").then().statusCode(200);
    }
}
