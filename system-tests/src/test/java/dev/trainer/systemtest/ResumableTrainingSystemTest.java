package dev.trainer.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.cli.DemoTraining;
import dev.trainer.cli.Http;
import dev.trainer.cli.LocalStack;
import dev.trainer.cli.ServiceSpec;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.TrainingRequested;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The optimizer's promises, with real processes: the same request and seed give the same trials, scores and winners
 * whether one or two backtest workers run them; and a job survives its optimizer being killed with SIGKILL in the
 * middle, ending with every trial recorded exactly once. Needs ports 8081-8086 and 18093 free.
 */
class ResumableTrainingSystemTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ServiceSpec OPTIMIZER = ServiceSpec.named("optimizer-service");
    private static final int REPLICA_PORT = 18093;
    private static final String MARKET = "bitstamp-2013|BTC/USD|5m";

    private static TrainingRequested request(String jobId, TrainingRequested.Optimization optimization) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "system-test",
                "SMA_CROSSOVER", List.of("BTC/USD"), List.of("bitstamp-2013"), List.of("5m"), optimization,
                new TrainingRequested.Validation("walk_forward", 3, 1, 0, null), 1,
                Instant.parse("2013-11-25T00:00:00Z"), Instant.parse("2013-12-02T00:00:00Z"), null, 2,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    private static final Map<String, Object> SPACE = Map.of(
            "fast", Map.of("min", 2, "max", 30, "type", "int"), "slow", Map.of("min", 10, "max", 200, "type", "int"));

    /** 99 x 991 points: room for a Sobol plan of 30,000 distinct trials. */
    private static final Map<String, Object> LARGE_SPACE = Map.of(
            "fast", Map.of("min", 2, "max", 100, "type", "int"), "slow", Map.of("min", 10, "max", 1000, "type", "int"));
    private static final int LARGE_JOB_SAMPLES = 30_000;

    /** Every window's search trials as "number parameters score", and the workers that ran them. */
    private static List<String> ledger(String jobId, int windows, Set<String> workers) throws Exception {
        List<String> rows = new ArrayList<>();
        for (int w = 0; w < windows; w++) {
            for (int offset = 0; ; offset += 1000) {
                JsonNode page = Http.json(OPTIMIZER.baseUrl() + "/api/training/jobs/" + jobId + "/trials?market="
                        + java.net.URLEncoder.encode(MARKET, java.nio.charset.StandardCharsets.UTF_8) + "&window=" + w
                        + "&offset=" + offset + "&limit=1000");
                for (JsonNode t : page) {
                    rows.add(w + ":" + t.path("trialNumber").asInt() + " " + t.path("parameters") + " " + t.path("score").asText());
                    workers.add(t.path("workerId").asText());
                }
                if (page.size() < 1000) {
                    break;
                }
            }
        }
        return rows;
    }

    @Test
    void sameTrialsWithOneOrTwoWorkersAndAJobThatSurvivesItsOptimizerBeingKilled() throws Exception {
        try (LocalStack stack = LocalStack.start(ROOT, ROOT.resolve("system-tests/target/stack-resume"), false, 0, 0,
                System.out::println)) {
            DemoTraining training = new DemoTraining(stack.kafkaBootstrapServers(), System.out);
            stack.startReplica(OPTIMIZER, REPLICA_PORT, "optimizer-service-2",
                    Map.of("OPTIMIZER_WORKER_ID", "replica-2"));

            // 1. a Bayesian search with two workers, then the same request with one
            TrainingRequested.Optimization bayes = new TrainingRequested.Optimization("bayesian", null, 40, 99, "net_profit", 1, SPACE);
            String two = "two-workers-" + EventTypes.newEventId();
            training.publish(request(two, bayes));
            assertEquals("completed", training.awaitJob(two, Duration.ofMinutes(5)).path("status").asText());
            Set<String> workersOfTwo = new HashSet<>();
            List<String> ledgerOfTwo = ledger(two, 3, workersOfTwo);

            stack.kill(OPTIMIZER); // the replica goes on alone: one worker
            String one = "one-worker-" + EventTypes.newEventId();
            training.publish(request(one, bayes));
            JsonNode jobOfOne = awaitJobAt(one, "http://127.0.0.1:" + REPLICA_PORT, Duration.ofMinutes(5));
            assertEquals("completed", jobOfOne.path("status").asText(), jobOfOne.toPrettyString());
            stack.restart(OPTIMIZER);
            Set<String> workersOfOne = new HashSet<>();
            List<String> ledgerOfOne = ledger(one, 3, workersOfOne);

            assertEquals(3 * 40, ledgerOfTwo.size());
            assertEquals(ledgerOfTwo, ledgerOfOne, "the same trials, in the same order, with the same scores");
            assertEquals(2, workersOfTwo.size(), "both workers took part: " + workersOfTwo);
            assertEquals(Set.of("replica-2"), workersOfOne);

            // 2. a larger job; its optimizer is killed while it runs, then started again. Workers take up to 4,096
            // trials per batch, so it needs tens of thousands of trials (and a space that holds them) to still be
            // running when the kill comes
            TrainingRequested.Optimization sobol = new TrainingRequested.Optimization("sobol", LARGE_JOB_SAMPLES, null, 5,
                    "net_profit", 1, LARGE_SPACE);
            String killed = "killed-" + EventTypes.newEventId();
            training.publish(request(killed, sobol));
            int expected = 3 * LARGE_JOB_SAMPLES;
            JsonNode before = awaitProgress(killed, Duration.ofMinutes(3));
            assertTrue(before.path("completedCombinations").asInt() < expected,
                    "the job must still be running when its optimizer is killed; make it larger: " + before);
            stack.kill(OPTIMIZER);
            Thread.sleep(2000);
            stack.restart(OPTIMIZER);
            JsonNode after = training.awaitJob(killed, Duration.ofMinutes(6));
            assertEquals("completed", after.path("status").asText(), after.toPrettyString());
            assertEquals(expected, after.path("totalCombinations").asInt());
            assertEquals(expected, after.path("completedCombinations").asInt(), "no trial lost or counted twice");
            Set<String> workers = new HashSet<>();
            List<String> rows = ledger(killed, 3, workers);
            assertEquals(expected, rows.size());
            assertEquals(expected, new HashSet<>(rows).size());
        }
    }

    private static JsonNode awaitProgress(String jobId, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = Http.json(OPTIMIZER.baseUrl() + "/api/training/jobs/" + jobId);
            if (job != null && job.path("completedCombinations").asInt() > 0) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("job " + jobId + " made no progress in " + timeout.toSeconds() + " s");
    }

    private static JsonNode awaitJobAt(String jobId, String baseUrl, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = Http.json(baseUrl + "/api/training/jobs/" + jobId);
            if (job != null && Set.of("completed", "failed", "cancelled").contains(job.path("status").asText())) {
                return job;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("job " + jobId + " did not finish in " + timeout.toSeconds() + " s");
    }
}
