package dev.trainer.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trainer.contracts.events.TrainingConfig;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.contracts.serde.JsonEventDeserializer;
import dev.trainer.contracts.serde.TrainingRequestForms;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's TrainingConfig form read into the canonical TrainingRequested, by every Jackson read of the record. */
class TrainingRequestFormsTest {

    /**
     * The plan's example in its own form: the selections of its Training Configuration panel (LIQUIDITY SWEEP V3,
     * 3 pairs x 2 exchanges x 4 timeframes, grid search over the strategy's grid, walk-forward 90 / 30 / 7 days,
     * 12 months, 1 worker). The plan gives the interface and the panel, no JSON; this is that JSON.
     */
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

    private static TrainingRequested read(String json) {
        return EventJson.read(json.getBytes(StandardCharsets.UTF_8), TrainingRequested.class);
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static TrainingRequested readTree(ObjectNode json) {
        return read(json.toString());
    }

    @Test
    void thePlansExampleIsReadIntoTheCanonicalRecord() {
        Instant before = Instant.now();
        TrainingRequested r = read(PLAN_EXAMPLE);
        assertEquals("LIQUIDITY_SWEEP_V3", r.strategy());
        assertEquals(List.of("BTC/USDT", "ETH/USDT", "SOL/USDT"), r.pairs());
        assertEquals(List.of("binance", "kraken"), r.exchanges());
        assertEquals(List.of("5m", "15m", "1h", "4h"), r.timeframes());
        assertEquals(24, r.markets().size());
        assertEquals(new TrainingRequested.Optimization("grid", null, null, 0, "net_profit", 0, null), r.optimization(),
                "grid over the strategy's own grid (parameterSpace null), seed and minTrades as a canonical request"
                        + " without them, net profit");
        assertEquals(new TrainingRequested.Validation("walk_forward", 90, 30, 7, null), r.validation());
        assertEquals(12, r.historicalPeriodMonths());
        assertEquals(1, r.parallelWorkers());
        assertNull(r.maxRuntimeSeconds());
        assertNull(r.periodFrom());
        assertNull(r.periodUntil());
        assertNull(r.costs());
        assertEquals("anonymous", r.userId());
        assertEquals(TrainingRequested.SCHEMA_VERSION, r.schemaVersion());
        assertTrue(!r.occurredAt().isBefore(before) && !r.occurredAt().isAfter(Instant.now()), "read now: " + r.occurredAt());
        assertEquals(TrainingRequestForms.derivedId("jobId", tree(PLAN_EXAMPLE)), r.jobId());
        assertEquals(TrainingRequestForms.derivedId("eventId", tree(PLAN_EXAMPLE)), r.eventId());
        assertNotEquals(r.jobId(), r.eventId());
    }

    @Test
    void bothFormsOfTheSameRequestAreTheSameCanonicalRecord() {
        TrainingRequested plan = read(PLAN_EXAMPLE);
        TrainingRequested canonical = read("""
                {"eventId": "%s", "schemaVersion": 1, "occurredAt": "%s", "jobId": "%s", "userId": "anonymous",
                 "strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT", "ETH/USDT", "SOL/USDT"],
                 "exchanges": ["binance", "kraken"], "timeframes": ["5m", "15m", "1h", "4h"],
                 "optimization": {"method": "grid", "objective": "net_profit"},
                 "validation": {"method": "walk_forward", "trainPeriodDays": 90, "testPeriodDays": 30, "gapPeriodDays": 7},
                 "historicalPeriodMonths": 12, "parallelWorkers": 1}
                """.formatted(plan.eventId(), plan.occurredAt(), plan.jobId()));
        assertEquals(canonical, plan);
        // and what is written is the canonical form, which reads back unchanged
        assertEquals(plan, read(new String(EventJson.write(plan), StandardCharsets.UTF_8)));
        assertTrue(!new String(EventJson.write(plan), StandardCharsets.UTF_8).contains("optimizationMethod"));
    }

    @Test
    void randomSearchTakesNSamplesAndDefaultsToThePlansHundred() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.put("optimizationMethod", "random");
        json.with("optimizationParams").put("nSamples", 1000);
        TrainingRequested r = readTree(json);
        assertEquals("random", r.optimization().method());
        assertEquals(1000, r.optimization().samples());
        assertNull(r.optimization().iterations());

        json.with("optimizationParams").remove("nSamples");
        assertEquals(TrainingConfig.DEFAULT_SAMPLES, readTree(json).optimization().samples());
        assertEquals(100, TrainingConfig.DEFAULT_SAMPLES);
    }

    @Test
    void bayesianSearchTakesNIterationsAndDefaultsToThePlansFifty() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.put("optimizationMethod", "bayesian");
        json.with("optimizationParams").put("nIterations", 200);
        TrainingRequested r = readTree(json);
        assertEquals("bayesian", r.optimization().method());
        assertEquals(200, r.optimization().iterations());
        assertNull(r.optimization().samples(), "no nSamples: the canonical default initial design");

        json.with("optimizationParams").remove("nIterations");
        json.with("optimizationParams").put("nSamples", 12);
        TrainingRequested defaults = readTree(json);
        assertEquals(50, defaults.optimization().iterations());
        assertEquals(12, defaults.optimization().samples(), "nSamples is samples whatever the method");
    }

    @Test
    void aGridNamesItsValuesAsTheCanonicalParameterSpaceDoes() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.set("optimizationParams", tree("""
                {"parameterGrid": {"pierce_depth": [0.001, 0.002], "rejection_candles": [1, 2, 3]}}"""));
        Map<String, Object> space = readTree(json).optimization().parameterSpace();
        assertEquals(Map.of("pierce_depth", List.of(0.001, 0.002), "rejection_candles", List.of(1, 2, 3)), space);
        assertEquals(List.of("pierce_depth", "rejection_candles"), List.copyOf(space.keySet()), "in the JSON's order");
        TrainingRequested canonical = read("""
                {"optimization": {"method": "grid", "parameterSpace":
                  {"pierce_depth": [0.001, 0.002], "rejection_candles": [1, 2, 3]}}}""");
        assertEquals(canonical.optimization().parameterSpace(), space);
    }

    @Test
    void trainTestSplitTakesTrainRatio() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.put("validationMethod", "train_test_split");
        json.set("validationParams", tree("{\"trainRatio\": 0.8}"));
        assertEquals(new TrainingRequested.Validation("train_test_split", null, null, null, 0.8), readTree(json).validation());
    }

    @Test
    void whatTheRequestLeavesOutTakesThePlansDefaults() {
        TrainingRequested r = read("""
                {"strategy": "SMA_CROSSOVER", "pairs": ["BTC/USD"], "exchanges": ["bitstamp"], "timeframes": ["1h"],
                 "optimizationMethod": "grid", "validationMethod": "train_test_split"}""");
        assertEquals(12, r.historicalPeriodMonths());
        assertEquals(1, r.parallelWorkers());
        assertNull(r.maxRuntimeSeconds());
        assertEquals(new TrainingRequested.Optimization("grid", null, null, 0, "net_profit", 0, null), r.optimization());
        assertEquals(new TrainingRequested.Validation("train_test_split", null, null, null, null), r.validation(),
                "validation parameters stay null: the canonical defaults are the plan's");
        assertEquals("anonymous", r.userId());

        TrainingRequested noMethod = read("""
                {"strategy": "SMA_CROSSOVER", "pairs": ["BTC/USD"], "exchanges": ["bitstamp"], "timeframes": ["1h"],
                 "validationParams": {"trainRatio": 0.6}}""");
        assertNull(noMethod.optimization().method(), "left for the validator to name (optimizationMethod)");
        assertNull(noMethod.validation().method());
    }

    @Test
    void maxRuntimeIsMaxRuntimeSecondsAndGivenEnvelopeFieldsAreKept() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.put("maxRuntime", 3600).put("parallelWorkers", 4).put("historicalPeriodMonths", 6);
        json.put("jobId", "job-7").put("eventId", "event-7").put("userId", "alice").put("occurredAt", "2026-01-02T03:04:05Z");
        TrainingRequested r = readTree(json);
        assertEquals(3600, r.maxRuntimeSeconds());
        assertEquals(4, r.parallelWorkers());
        assertEquals(6, r.historicalPeriodMonths());
        assertEquals("job-7", r.jobId());
        assertEquals("event-7", r.eventId());
        assertEquals("alice", r.userId());
        assertEquals(Instant.parse("2026-01-02T03:04:05Z"), r.occurredAt());
    }

    @Test
    void theKafkaDeserializerDerivesTheSameIdsForTheSameRecordWhoeverReadsIt() {
        byte[] value = PLAN_EXAMPLE.getBytes(StandardCharsets.UTF_8);
        // market-data-service and optimizer-service: two consumers, each with its own deserializer
        TrainingRequested marketData = (TrainingRequested) new JsonEventDeserializer().deserialize(Topics.TRAINING_REQUESTS, value);
        JsonEventDeserializer configured = new JsonEventDeserializer();
        configured.configure(Map.of(JsonEventDeserializer.TYPE_CONFIG, TrainingRequested.class.getName()), false);
        TrainingRequested optimizer = (TrainingRequested) configured.deserialize("any-topic", value);
        assertEquals(marketData.jobId(), optimizer.jobId());
        assertEquals(marketData.eventId(), optimizer.eventId());
        assertEquals(marketData.optimization(), optimizer.optimization());

        // whitespace does not count, content does
        byte[] compact = tree(PLAN_EXAMPLE).toString().getBytes(StandardCharsets.UTF_8);
        assertEquals(marketData.jobId(),
                ((TrainingRequested) new JsonEventDeserializer().deserialize(Topics.TRAINING_REQUESTS, compact)).jobId());
        ObjectNode other = tree(PLAN_EXAMPLE);
        other.put("historicalPeriodMonths", 6);
        TrainingRequested different = (TrainingRequested) new JsonEventDeserializer()
                .deserialize(Topics.TRAINING_REQUESTS, other.toString().getBytes(StandardCharsets.UTF_8));
        assertNotEquals(marketData.jobId(), different.jobId());
        assertNotEquals(marketData.eventId(), different.eventId());
    }

    @Test
    void mixingTheFormsIsRefusedNamingTheFields() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.set("optimization", tree("{\"method\": \"random\", \"samples\": 10}"));
        json.put("maxRuntimeSeconds", 60);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> readTree(json));
        for (String field : List.of("TrainingRequested", "optimization", "maxRuntimeSeconds", "optimizationMethod",
                "validationMethod")) {
            assertTrue(e.getMessage().contains(field), field + " not named in: " + e.getMessage());
        }
        TrainingRequestForms.FormException form = assertThrows(TrainingRequestForms.FormException.class,
                () -> TrainingRequestForms.read(json, EventJson.mapper()));
        assertEquals(List.of("optimization", "maxRuntimeSeconds"), form.problems().stream().map(TrainingRequestForms.Problem::field).toList());

        // a canonical request with one of the plan's fields is a mix too
        ObjectNode canonical = (ObjectNode) EventJson.mapper().valueToTree(read(PLAN_EXAMPLE));
        canonical.put("maxRuntime", 60);
        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> new JsonEventDeserializer().deserialize(Topics.TRAINING_REQUESTS, canonical.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(other.getMessage().contains("TrainingRequested") && other.getMessage().contains("maxRuntime"), other.getMessage());
    }

    @Test
    void unknownFieldsAreIgnoredInBothFormsAsTheyAlwaysWereAndNamed() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.put("optimizationMethod", "random");
        json.with("optimizationParams").put("nSample", 500); // a typo of nSamples
        json.put("comment", "first try");
        TrainingRequestForms.Read read = TrainingRequestForms.read(json, EventJson.mapper());
        assertEquals(TrainingRequestForms.Form.PLAN, read.form());
        assertEquals(100, read.request().optimization().samples(), "the typo is ignored: the default applies");
        assertEquals(List.of("optimizationParams.nSample", "comment"), read.ignoredFields());

        ObjectNode canonical = (ObjectNode) EventJson.mapper().valueToTree(read(PLAN_EXAMPLE));
        canonical.put("note", "x");
        canonical.with("optimization").put("sample", 5);
        TrainingRequestForms.Read canonicalRead = TrainingRequestForms.read(canonical, EventJson.mapper());
        assertEquals(TrainingRequestForms.Form.CANONICAL, canonicalRead.form());
        assertEquals(List.of("optimization.sample", "note"), canonicalRead.ignoredFields());
    }

    @Test
    void aMistypedFieldIsNamedAsTheClientWroteIt() {
        ObjectNode json = tree(PLAN_EXAMPLE);
        json.with("optimizationParams").put("nSamples", "many");
        TrainingRequestForms.FormException e = assertThrows(TrainingRequestForms.FormException.class,
                () -> TrainingRequestForms.read(json, EventJson.mapper()));
        assertEquals("optimizationParams.nSamples", e.problems().get(0).field());

        ObjectNode range = tree(PLAN_EXAMPLE);
        range.set("optimizationParams", tree("{\"parameterGrid\": {\"pierce_depth\": {\"min\": 0.001, \"max\": 0.005}}}"));
        e = assertThrows(TrainingRequestForms.FormException.class, () -> TrainingRequestForms.read(range, EventJson.mapper()));
        assertEquals("optimizationParams.parameterGrid.pierce_depth", e.problems().get(0).field(), e.getMessage());
    }

    @Test
    void theValidatorsFieldNamesInThePlansTerms() {
        var plan = TrainingRequestForms.Form.PLAN;
        assertEquals("optimizationParams.nSamples", TrainingRequestForms.fieldInForm(plan, "optimization.samples"));
        assertEquals("optimizationParams.nIterations", TrainingRequestForms.fieldInForm(plan, "optimization.iterations"));
        assertEquals("optimizationParams.parameterGrid", TrainingRequestForms.fieldInForm(plan, "optimization.parameterSpace"));
        assertEquals("optimizationMethod", TrainingRequestForms.fieldInForm(plan, "optimization.method"));
        assertEquals("validationMethod", TrainingRequestForms.fieldInForm(plan, "validation.method"));
        assertEquals("validationParams.trainRatio", TrainingRequestForms.fieldInForm(plan, "validation.trainRatio"));
        assertEquals("maxRuntime", TrainingRequestForms.fieldInForm(plan, "maxRuntimeSeconds"));
        assertEquals("pairs", TrainingRequestForms.fieldInForm(plan, "pairs"));
        assertEquals("optimization.samples",
                TrainingRequestForms.fieldInForm(TrainingRequestForms.Form.CANONICAL, "optimization.samples"));
    }

    @Test
    void theFormsDifferInTheirOwnFieldsOnly() {
        assertEquals(List.of("optimizationMethod", "optimizationParams", "validationMethod", "validationParams", "maxRuntime"),
                List.copyOf(TrainingRequestForms.PLAN_ONLY));
        assertEquals(List.of("optimization", "validation", "periodFrom", "periodUntil", "maxRuntimeSeconds", "costs"),
                List.copyOf(TrainingRequestForms.CANONICAL_ONLY));
    }
}
