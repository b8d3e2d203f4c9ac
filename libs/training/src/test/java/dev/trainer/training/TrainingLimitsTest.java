package dev.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The reproductions of issue 13 that reach the training request validator: each was accepted (202, or an estimate
 * that ran out of memory) and then lost or stored; each must now be a problem naming its field, and the problems
 * must stay small whatever the request's size. Fields are named in the canonical form, as the validator names them.
 */
class TrainingLimitsTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private static TrainingRequested request(Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree(PlanFormRequestTest.PLAN_EXAMPLE);
        json.put("userId", "alice");
        json.put("jobId", "job-1");
        change.accept(json);
        return EventJson.read(json.toString().getBytes(StandardCharsets.UTF_8), TrainingRequested.class);
    }

    private static List<TrainingRequestValidator.FieldProblem> problems(Consumer<ObjectNode> change) throws Exception {
        return TrainingRequestValidator.problems(request(change), NOW);
    }

    private static void assertRefused(String field, String messagePart, Consumer<ObjectNode> change) throws Exception {
        List<TrainingRequestValidator.FieldProblem> problems = problems(change);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals(field) && p.message().contains(messagePart)),
                "expected a problem with " + field + " saying '" + messagePart + "', got " + problems);
    }

    @Test
    void thePlansExampleIsWithinEveryBound() throws Exception {
        assertEquals(List.of(), problems(json -> { }));
    }

    @Test
    void identitiesThatNoColumnOrHeaderCouldHoldAreRefused() throws Exception {
        assertRefused("userId", "at most 50", json -> json.put("userId", "u".repeat(51)));
        assertRefused("userId", "\\u0000", json -> json.put("userId", "al\u0000ice"));
        assertRefused("jobId", "1 to 64", json -> json.put("jobId", "j".repeat(65)));
        assertRefused("jobId", "1 to 64", json -> json.put("jobId", "'; drop table x;--"));
        assertRefused("exchanges", "not an exchange name", json -> json.putArray("exchanges").add("x".repeat(121)));
        assertEquals(List.of(), problems(json -> json.put("jobId", "6f1c2b1e-0d4f-4a8e-9a57-2b7f0e1d9c33")),
                "a UUID is a job id");
    }

    @Test
    void sizesThatWouldExhaustMemoryOrTimeAreRefused() throws Exception {
        assertRefused("historicalPeriodMonths", "at most 120", json -> json.put("historicalPeriodMonths", Integer.MAX_VALUE));
        assertRefused("optimization.samples", "at most 1000000", json -> {
            json.put("optimizationMethod", "random");
            json.putObject("optimizationParams").put("nSamples", Integer.MAX_VALUE);
        });
        assertRefused("optimization.iterations", "at most 2000", json -> {
            json.put("optimizationMethod", "bayesian");
            json.putObject("optimizationParams").put("nIterations", 1_000_000);
        });
        assertRefused("validation.trainPeriodDays", "from 1 to 3660", json ->
                ((ObjectNode) json.get("validationParams")).put("trainPeriodDays", Integer.MAX_VALUE));
        assertRefused("parallelWorkers", "from 1 to 1024", json -> json.put("parallelWorkers", Integer.MAX_VALUE));
        assertRefused("maxRuntimeSeconds", "30 days", json -> json.put("maxRuntime", Integer.MAX_VALUE));
    }

    @Test
    void instantsOutOfRangeAreProblemsNotFailures() throws Exception {
        List<TrainingRequestValidator.FieldProblem> problems = TrainingRequestValidator.problems(
                canonical(json -> json.put("periodFrom", "-999999999-01-01T00:00:00Z").put("periodUntil", "3000-01-01T00:00:00Z")),
                NOW);
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("periodFrom") && p.message().contains("2009-01-03")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("periodUntil")), problems.toString());
    }

    @Test
    void tenThousandMarketsAreRefusedInAFewLines() throws Exception {
        List<TrainingRequestValidator.FieldProblem> problems = problems(json -> {
            ArrayNode pairs = json.putArray("pairs");
            ArrayNode exchanges = json.putArray("exchanges");
            for (int i = 0; i < 100; i++) {
                pairs.add("P" + i + "/USDT");
                exchanges.add("exchange-" + i);
            }
        });
        assertTrue(problems.stream().anyMatch(p -> p.field().equals("pairs") && p.message().contains("more than 50")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("40000 markets")), problems.toString());
        assertTrue(problems.toString().length() < 2_000, "problems of " + problems.toString().length() + " characters");

        List<TrainingRequestValidator.FieldProblem> badPairs = problems(json -> {
            ArrayNode pairs = json.putArray("pairs");
            for (int i = 0; i < 20; i++) {
                pairs.add("not a pair " + i + "x".repeat(10_000));
            }
        });
        assertEquals(TrainingLimits.MAX_PROBLEMS_PER_FIELD + 1, badPairs.size(), badPairs.toString());
        assertTrue(badPairs.get(badPairs.size() - 1).message().contains("and 15 more"), badPairs.toString());
        assertTrue(badPairs.toString().length() < 2_000, "each bad value is quoted cut short");
    }

    @Test
    void theSameMarketTwiceIsRefused() throws Exception {
        assertRefused("timeframes", "more than once", json -> json.putArray("timeframes").add("5m").add("M5"));
        assertRefused("pairs", "more than once", json -> json.putArray("pairs").add("BTC/USDT").add("BTC/USDT"));
    }

    private static TrainingRequested canonical(Consumer<ObjectNode> change) throws Exception {
        ObjectNode json = (ObjectNode) EventJson.mapper().readTree("""
                {"userId": "alice", "jobId": "job-1", "strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"],
                 "exchanges": ["binance"], "timeframes": ["1h"],
                 "optimization": {"method": "grid", "seed": 0, "objective": "net_profit", "minTrades": 0},
                 "validation": {"method": "walk_forward", "trainPeriodDays": 90, "testPeriodDays": 30, "gapPeriodDays": 7},
                 "historicalPeriodMonths": 12, "parallelWorkers": 1}
                """);
        change.accept(json);
        return EventJson.read(json.toString().getBytes(StandardCharsets.UTF_8), TrainingRequested.class);
    }
}
