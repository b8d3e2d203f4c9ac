package dev.trainer.optimizer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The plan's TrainingConfig JSON, verbatim, where a request enters optimizer-service: REST and training.requests. */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class PlanFormRequestTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** The plan's example in its own form: the selections of its Training Configuration panel. */
    static final String PLAN_EXAMPLE = """
            {
              "strategy": "LIQUIDITY_SWEEP_V3",
              "pairs": ["BTC/USDT", "ETH/USDT", "SOL/USDT"],
              "exchanges": ["binance", "kraken"],
              "timeframes": ["5m", "15m", "1h", "4h"],
              "optimizationMethod": "grid",
              "optimizationParams": {},
              "validationMethod": "walk_forward",
              "validationParams": {"trainPeriodDays": 90, "testPeriodDays": 30, "gapPeriodDays": 7},
              "historicalPeriodMonths": 12,
              "parallelWorkers": 1
            }
            """;

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void thePlansExamplePostedVerbatimIsAcceptedPublishedInTheCanonicalFormAndBecomesAJob() {
        String jobId = given().contentType("application/json").body(PLAN_EXAMPLE)
                .when().post("/api/training/jobs")
                .then().statusCode(202)
                .header("Location", containsString("/api/training/jobs/"))
                .body("status", equalTo("pending"))
                .body("$", not(org.hamcrest.Matchers.hasKey("ignoredFields")))
                .extract().path("jobId");
        TrainingRequested published = kafka.read(Topics.TRAINING_REQUESTS, TrainingRequested.class,
                r -> r.jobId().equals(jobId), 1, WAIT, Duration.ZERO).get(0);
        assertEquals(new TrainingRequested.Optimization("grid", null, null, 0, "net_profit", 0, null), published.optimization());
        assertEquals(new TrainingRequested.Validation("walk_forward", 90, 30, 7, null), published.validation());
        assertEquals(12, published.historicalPeriodMonths());
        assertEquals(1, published.parallelWorkers());
        assertNull(published.maxRuntimeSeconds());
        assertEquals("anonymous", published.userId());

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                .body("strategy", equalTo("LIQUIDITY_SWEEP_V3"))
                .body("userId", equalTo("anonymous"))
                .body("totalMarkets", equalTo(24))
                .body("status", equalTo("pending")));

        // on REST the server assigns the job id: the same JSON posted again is another job
        String again = given().contentType("application/json").body(PLAN_EXAMPLE)
                .when().post("/api/training/jobs").then().statusCode(202).extract().path("jobId");
        assertNotEquals(jobId, again);
    }

    @Test
    void theEstimateOfThePlansExamplePostedVerbatim() {
        given().contentType("application/json").body(PLAN_EXAMPLE)
                .when().post("/api/training/estimate")
                .then().statusCode(200)
                .body("markets", equalTo(24)).body("windows", equalTo(9)).body("backtests_per_window", equalTo(201_600))
                .body("search_method", equalTo("grid")).body("validation_method", equalTo("walk_forward"))
                .body("parallel_workers", equalTo(1));
    }

    @Test
    void aPlanFormRequestsProblemsAreNamedInItsOwnTerms() {
        given().contentType("application/json")
                .body("""
                        {"strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"], "exchanges": ["binance"], "timeframes": ["1h"],
                         "optimizationMethod": "random", "optimizationParams": {"nSamples": 0},
                         "validationMethod": "k_fold", "validationParams": {"trainRatio": 1.5},
                         "maxRuntime": -1}""")
                .when().post("/api/training/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("optimizationParams.nSamples", "validationMethod", "validationParams.trainRatio",
                        "maxRuntime"))
                .body("errors.field", not(hasItems("optimization.samples")));
        given().contentType("application/json")
                .body("""
                        {"strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"], "exchanges": ["binance"], "timeframes": ["1h"],
                         "optimizationMethod": "random", "optimizationParams": {"nSamples": "many"},
                         "validationMethod": "walk_forward"}""")
                .when().post("/api/training/estimate")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("optimizationParams.nSamples"));
    }

    @Test
    void mixingTheFormsIsRefusedNamingTheFieldsAndUnknownFieldsAreReported() {
        given().contentType("application/json")
                .body("""
                        {"strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"], "exchanges": ["binance"], "timeframes": ["1h"],
                         "optimizationMethod": "grid", "validationMethod": "walk_forward",
                         "optimization": {"method": "grid"}, "maxRuntimeSeconds": 60}""")
                .when().post("/api/training/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("optimization", "maxRuntimeSeconds"))
                .body("errors[0].message", containsString("optimizationMethod"));
        given().contentType("application/json")
                .body("""
                        {"userId": "u", "strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"], "exchanges": ["binance"],
                         "timeframes": ["1h"], "optimizationMethod": "random", "optimizationParams": {"nSample": 500},
                         "validationMethod": "train_test_split", "historicalPeriodMonths": 3}""")
                .when().post("/api/training/jobs")
                .then().statusCode(202)
                .body("jobId", notNullValue())
                .body("ignoredFields", contains("optimizationParams.nSample"));
    }

    @Test
    void thePlansFormPublishedOnTheTopicBecomesAJobUnderTheIdDerivedFromItsContent() throws Exception {
        // a user of its own, so that this run's record is not one a persistent broker already holds
        String userId = "plan-form-" + UUID.randomUUID();
        byte[] value = PLAN_EXAMPLE.replaceFirst("\\{", "{\"userId\": \"" + userId + "\",").getBytes(StandardCharsets.UTF_8);
        String derived = EventJson.read(value, TrainingRequested.class).jobId();
        kafka.publishRaw(Topics.TRAINING_REQUESTS, null, value);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + derived).then().statusCode(200)
                .body("userId", equalTo(userId))
                .body("strategy", equalTo("LIQUIDITY_SWEEP_V3"))
                .body("totalMarkets", equalTo(24)));
    }
}
