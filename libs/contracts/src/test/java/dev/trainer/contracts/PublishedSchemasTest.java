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

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
