package dev.trainer.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The schema files in src/main/resources/schemas are what other teams read; they must say what the records
 * are. Run with -Dschemas.update=true to rewrite them after changing a record.
 */
class PublishedSchemasTest {

    private static final Path DIR = Path.of("src/main/resources/schemas");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyTopicHasAnEventTypeAndASchemaFileThatMatchesTheRecord() throws IOException {
        boolean update = Boolean.getBoolean("schemas.update");
        for (Topics.TopicSpec topic : Topics.ALL) {
            assertTrue(EventTypes.BY_TOPIC.containsKey(topic.name()), "no event type for topic " + topic.name());
            JsonNode generated = JsonSchemas.forTopic(topic.name());
            Path file = DIR.resolve(topic.name() + ".schema.json");
            if (update) {
                Files.createDirectories(DIR);
                Files.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(generated) + "\n");
            }
            assertTrue(Files.exists(file), file + " is missing: run the contracts tests with -Dschemas.update=true");
            assertEquals(generated, json.readTree(file.toFile()),
                    file + " no longer matches its record: run the contracts tests with -Dschemas.update=true");
        }
        assertEquals(Topics.ALL.size(), EventTypes.BY_TOPIC.size(), "an event type without a topic spec");
    }

    @Test
    void requiredFieldsAreTheNonNullableOnes() {
        JsonNode schema = JsonSchemas.forTopic(Topics.TRAINING_REQUESTS).at("/oneOf/0");
        assertEquals("TrainingRequested", schema.get("title").asText());
        JsonNode required = schema.get("required");
        assertTrue(contains(required, "eventId"));
        assertTrue(contains(required, "schemaVersion"));
        assertTrue(contains(required, "occurredAt"));
        assertTrue(!contains(required, "periodFrom"), "periodFrom is @Nullable");
        assertEquals("date-time", schema.at("/properties/occurredAt/format").asText());
        assertEquals("array", schema.at("/properties/pairs/type").asText());
    }

    @Test
    void trainingRequestsTakeEitherFormButNotBoth() throws Exception {
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(json.readTree(DIR.resolve(Topics.TRAINING_REQUESTS + ".schema.json").toFile()));
        JsonNode plan = json.readTree("""
                {"strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT"], "exchanges": ["binance"], "timeframes": ["1h"],
                 "optimizationMethod": "random", "optimizationParams": {"nSamples": 500, "parameterGrid": {"pierce_depth": [0.001, 0.002]}},
                 "validationMethod": "train_test_split", "validationParams": {"trainRatio": 0.7},
                 "historicalPeriodMonths": 12, "maxRuntime": 3600, "parallelWorkers": 1}
                """);
        JsonNode canonical = json.readTree(dev.trainer.contracts.serde.EventJson.write(
                dev.trainer.contracts.serde.EventJson.read(json.writeValueAsBytes(plan), TrainingRequested.class)));
        assertEquals(Set.of(), schema.validate(plan), "the plan's form");
        assertEquals(Set.of(), schema.validate(canonical), "the canonical form, as written");
        ObjectNode mixed = plan.deepCopy();
        mixed.set("optimization", canonical.get("optimization"));
        assertTrue(!schema.validate(mixed).isEmpty(), "a plan-form request with the canonical optimization");
        ObjectNode mixedTheOtherWay = canonical.deepCopy();
        mixedTheOtherWay.put("maxRuntime", 60);
        assertTrue(!schema.validate(mixedTheOtherWay).isEmpty(), "a canonical request with the plan's maxRuntime");
        ObjectNode wrongType = plan.deepCopy();
        wrongType.with("optimizationParams").put("nSamples", "many");
        assertTrue(!schema.validate(wrongType).isEmpty(), "nSamples is an integer");
        ObjectNode noMethod = plan.deepCopy();
        noMethod.remove("optimizationMethod");
        assertTrue(!schema.validate(noMethod).isEmpty(), "the plan requires optimizationMethod");
    }

    @Test
    void doublesMayBeTheStringsJacksonWritesForNonFiniteValues() throws Exception {
        JsonNode scores = JsonSchemas.forTopic(Topics.BACKTEST_RESULTS).at("/properties/scores/items");
        assertEquals("[\"number\",\"string\"]", scores.get("type").toString());
        java.util.regex.Pattern nonFinite = java.util.regex.Pattern.compile(scores.get("pattern").asText());
        double[] values = {1.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        JsonNode written = dev.trainer.contracts.serde.EventJson.mapper().readTree(
                dev.trainer.contracts.serde.EventJson.mapper().writeValueAsBytes(values));
        for (JsonNode v : written) {
            assertTrue(v.isNumber() || v.isTextual() && nonFinite.matcher(v.asText()).matches(), "not in the schema: " + v);
        }
        assertTrue(!nonFinite.matcher("1.5").matches() && !nonFinite.matcher("nan").matches());
        JsonNode pnl = JsonSchemas.forTopic(Topics.EXECUTIONS).at("/properties/realizedPnl/type");
        assertEquals("[\"number\",\"string\",\"null\"]", pnl.toString(), "a nullable double");
    }

    @Test
    void trainingStatusStatesAreAnEnumOfTheStatesSent() throws Exception {
        JsonNode published = json.readTree(DIR.resolve(Topics.TRAINING_STATUS + ".schema.json").toFile());
        assertEquals("string", published.at("/properties/state/type").asText());
        assertEquals(Arrays.stream(TrainingStatus.State.values()).map(Enum::name).toList(),
                json.convertValue(published.at("/properties/state/enum"), java.util.List.class));
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(published);
        ObjectNode written = (ObjectNode) json.readTree(dev.trainer.contracts.serde.EventJson.write(new TrainingStatus("e",
                TrainingStatus.SCHEMA_VERSION, Instant.EPOCH, "job", "optimizer-service", null,
                TrainingStatus.State.MARKET_OPTIMIZING, "24 trials planned", Map.of("planned_trials", 24))));
        assertEquals(Set.of(), schema.validate(written), "a status as written");
        for (String unknown : new String[] {"PROGRESS", "market_optimizing"}) {
            assertTrue(!schema.validate(written.deepCopy().put("state", unknown)).isEmpty(), unknown);
        }
        assertTrue(!schema.validate(written.deepCopy().put("state", 5)).isEmpty(), "a constant's index");
    }

    enum Colour { RED, GREEN }

    /** Records with an enum, for its schema: a string, one of the names; when nullable, null is one of the values. */
    record Paint(Colour colour, @Nullable Colour trim) {
    }

    @Test
    void anEnumIsOneOfItsNamesAndANullableOneAlsoNull() {
        JsonNode schema = JsonSchemas.recordSchema(Paint.class);
        assertEquals("{\"type\":\"string\",\"enum\":[\"RED\",\"GREEN\"]}", schema.at("/properties/colour").toString());
        assertEquals("{\"type\":[\"string\",\"null\"],\"enum\":[\"RED\",\"GREEN\",null]}",
                schema.at("/properties/trim").toString());
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
