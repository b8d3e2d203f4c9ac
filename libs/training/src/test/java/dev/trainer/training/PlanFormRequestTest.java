package dev.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.contracts.serde.TrainingRequestForms;
import dev.trainer.domain.walkforward.ValidationWindow;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests in the plan's TrainingConfig form, validated, read in domain terms and estimated like canonical ones. */
class PlanFormRequestTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    /** The plan's example in its own form (its Training Configuration panel's selections). */
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

    private static ObjectNode example() throws Exception {
        return (ObjectNode) EventJson.mapper().readTree(PLAN_EXAMPLE);
    }

    private static TrainingRequested read(ObjectNode json) {
        return EventJson.read(json.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), TrainingRequested.class);
    }

    @Test
    void thePlansExampleIsValidAndComesOutAsThePlanSays() throws Exception {
        TrainingRequested r = read(example());
        assertEquals(List.of(), TrainingRequestValidator.problems(r));
        TrainingEstimate e = TrainingEstimate.of(r, NOW, 2);
        assertEquals(24, e.markets());
        assertEquals(9, e.windows(), "12 months of 90 / 7 / 30-day windows");
        assertEquals(201_600, e.backtestsPerWindow(), "the strategy's own grid");
        assertEquals("grid", e.searchMethod());
        assertEquals("walk_forward", e.validationMethod());
        assertEquals(1, e.parallelWorkers());
    }

    @Test
    void randomAndBayesianSearchesTakeThePlansBudgets() throws Exception {
        ObjectNode random = example();
        random.put("optimizationMethod", "random");
        random.put("historicalPeriodMonths", 4);
        assertEquals(100, TrainingRequests.search(read(random)).budget(), "nSamples' default");
        random.with("optimizationParams").put("nSamples", 1000);
        assertEquals(1000, TrainingEstimate.of(read(random), NOW, 1).backtestsPerWindow());

        ObjectNode bayesian = example();
        bayesian.put("optimizationMethod", "bayesian");
        bayesian.put("historicalPeriodMonths", 4);
        assertEquals(50, TrainingRequests.search(read(bayesian)).budget(), "nIterations' default");
        bayesian.with("optimizationParams").put("nIterations", 80);
        assertEquals(80, TrainingEstimate.of(read(bayesian), NOW, 1).backtestsPerWindow());
    }

    @Test
    void aTrainTestSplitSplitsAtTrainRatio() throws Exception {
        ObjectNode json = example();
        json.put("validationMethod", "train_test_split");
        json.set("validationParams", EventJson.mapper().readTree("{\"trainRatio\": 0.8}"));
        TrainingRequested r = read(json);
        Instant[] period = TrainingRequests.period(r, NOW);
        long from = period[0].toEpochMilli(), until = period[1].toEpochMilli();
        List<ValidationWindow> windows = TrainingRequests.windows(r.validation(), from, until);
        assertEquals(1, windows.size());
        assertEquals(from + Math.round((until - from) * 0.8), windows.get(0).trainUntilMs(), 1.0);
    }

    @Test
    void problemsAreNamedInThePlansTerms() throws Exception {
        ObjectNode json = example();
        json.put("optimizationMethod", "sobol"); // not the plan's, the canonical form's: needs nSamples
        json.put("validationMethod", "k_fold");
        json.with("validationParams").put("trainRatio", 1.5).put("testPeriodDays", 0);
        json.put("maxRuntime", -5);
        json.with("optimizationParams").putObject("parameterGrid").putArray("pierce_depth").add(0.001);
        TrainingRequestForms.Read read = TrainingRequestForms.read(json, EventJson.mapper());
        List<String> fields = TrainingEstimate.problems(read.request()).stream().map(p -> p.in(read.form()).field()).toList();
        for (String field : List.of("optimizationParams.nSamples", "validationMethod", "validationParams.trainRatio",
                "validationParams.testPeriodDays", "maxRuntime", "optimizationParams.parameterGrid")) {
            assertTrue(fields.contains(field), field + " not in " + fields);
        }
        assertTrue(fields.stream().noneMatch(f -> f.startsWith("optimization.") || f.startsWith("validation.")), fields.toString());

        ObjectNode noMethods = example();
        noMethods.remove("optimizationMethod");
        noMethods.remove("validationMethod");
        TrainingRequestForms.Read missing = TrainingRequestForms.read(noMethods, EventJson.mapper());
        assertEquals(List.of("optimizationMethod", "validationMethod"), TrainingEstimate.problems(missing.request()).stream()
                .map(p -> p.in(missing.form()).field()).toList());
    }
}
