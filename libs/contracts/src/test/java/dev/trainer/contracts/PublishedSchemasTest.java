package dev.trainer.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        JsonNode schema = JsonSchemas.forTopic(Topics.TRAINING_REQUESTS);
        JsonNode required = schema.get("required");
        assertTrue(contains(required, "eventId"));
        assertTrue(contains(required, "schemaVersion"));
        assertTrue(contains(required, "occurredAt"));
        assertTrue(!contains(required, "periodFrom"), "periodFrom is @Nullable");
        assertEquals("date-time", schema.at("/properties/occurredAt/format").asText());
        assertEquals("array", schema.at("/properties/pairs/type").asText());
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

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
