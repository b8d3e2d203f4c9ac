package dev.trainer.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.cli.DemoTraining;
import dev.trainer.cli.LocalStack;
import dev.trainer.contracts.EventTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole system as the demo runs it: a real broker and database, the six packaged services as separate processes,
 * a training request published on training.requests, and the trained configuration read back from the registry's
 * REST API with every field filled. It runs the demo's request on one timeframe. Needs ports 8081-8086 free.
 */
class TrainingFlowSystemTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void aTrainingRequestBecomesAFullyFilledConfigurationInTheRegistry() throws Exception {
        LocalStack stack = LocalStack.start(ROOT, ROOT.resolve("system-tests/target/stack"), false, 0, 0, System.out::println);
        List<ProcessHandle> started = new ArrayList<>();
        try {
            stack.pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(started::add));
            DemoTraining training = new DemoTraining(stack.kafkaBootstrapServers(), System.out);
            String jobId = EventTypes.newEventId();
            training.publish(DemoTraining.request(jobId, List.of("5m")));

            JsonNode job = training.awaitJob(jobId, Duration.ofMinutes(5));
            assertEquals("completed", job.path("status").asText(), job.toPrettyString());
            int trials = DemoTraining.GRID_SIZE * DemoTraining.WINDOWS;
            assertEquals(trials, job.path("totalCombinations").asInt(), "the grid in each walk-forward window");
            assertEquals(trials, job.path("completedCombinations").asInt());

            List<JsonNode> configs = training.awaitConfigs(jobId, 1, Duration.ofMinutes(2));
            assertEquals(1, configs.size());
            JsonNode config = configs.get(0);
            training.printTable(configs);
            // a configuration no tripped circuit breaker covers has no stage to go back to and no pauses
            assertTrue(config.path("pausedFromStage").isNull(), config.toPrettyString());
            assertTrue(config.path("pauses").isArray() && config.path("pauses").isEmpty(), config.toPrettyString());
            for (Iterator<Map.Entry<String, JsonNode>> fields = config.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("pausedFromStage") || field.getKey().equals("pauses")) {
                    continue;
                }
                assertFalse(field.getValue().isNull(), field.getKey() + " is not filled: " + config.toPrettyString());
                if (field.getValue().isContainerNode()) {
                    assertFalse(field.getValue().isEmpty(), field.getKey() + " is empty: " + config.toPrettyString());
                }
            }
            assertEquals("bitstamp-2013", config.at("/market/exchange").asText());
            assertEquals("5m", config.at("/market/timeframe").asText());
            assertEquals(job.at("/markets/0/dataFingerprint").asText(), config.path("dataFingerprint").asText());
            assertTrue(config.path("tradeCount").asInt() >= 2, "out-of-sample trades: " + config.path("tradeCount"));
            assertEquals(trials, config.path("trialsEvaluated").asInt());
        } finally {
            stack.close();
        }
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "process " + process.pid() + " " + process.info().command().orElse("")
                    + " outlived the stack");
        }
    }
}
