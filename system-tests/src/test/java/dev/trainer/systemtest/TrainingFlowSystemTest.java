package dev.trainer.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.cli.DemoTraining;
import dev.trainer.cli.Http;
import dev.trainer.cli.LocalStack;
import dev.trainer.cli.PlanBenchmark;
import dev.trainer.cli.ServiceSpec;
import dev.trainer.contracts.EventTypes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole system as the demo runs it: a real broker and database, the six packaged services as separate processes,
 * training requests on training.requests or the REST API, and the trained configurations read back from the
 * registry's REST API. One stack for both tests. Needs ports 8081-8086 free.
 */
class TrainingFlowSystemTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static LocalStack stack;
    private static final List<ProcessHandle> started = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        stack = LocalStack.start(ROOT, ROOT.resolve("system-tests/target/stack"), false, 0, 0, System.out::println);
        stack.pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(started::add));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
        for (ProcessHandle process : started) {
            assertFalse(process.isAlive(), "process " + process.pid() + " " + process.info().command().orElse("")
                    + " outlived the stack");
        }
    }

    @Test
    void aTrainingRequestBecomesAFullyFilledConfigurationInTheRegistry() throws Exception {
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
    }

    /**
     * The plan's request at reduced scale, as bin/trainer bench-plan runs it, on five months of seeded synthetic 15m
     * candles, imported, then the full LIQUIDITY_SWEEP_V3 grid (201,600 trials) in each walk-forward
     * window of 90 train / 7 gap / 30 test days (2 windows). The final window's 90 train days are enough for the
     * probability of backtest overfitting, so its 201,600 trials are replayed for it. The job must complete with every
     * statistic (the minimum track record length, defined only for a positive Sharpe ratio, or its reason), nothing in
     * a dead-letter topic.
     *
     * <p>While it searches, a small job (the demo's) is published: it must complete while the big one still runs, since
     * flow control lets a job hold only a few batches ahead of the others on the workers' topic.
     */
    @Test
    void aPlanScaleGridOnAFinalWindowLongEnoughForTheOverfittingEstimateCompletesWithEveryStatistic() throws Exception {
        PlanBenchmark bench = new PlanBenchmark(stack.kafkaBootstrapServers(), System.out, System.err);
        ExecutorService runner = Executors.newSingleThreadExecutor();
        Future<Integer> big = runner.submit(() -> bench.run(PlanBenchmark.Options.parse(List.of("--pairs", "1",
                "--exchanges", "1", "--timeframes", "15m", "--months", "5", "--until", "2026-06-01"))));
        DemoTraining training = new DemoTraining(stack.kafkaBootstrapServers(), System.out);
        try {
            JsonNode searching = awaitView(() -> bench.jobId(), view -> view.path("completedCombinations").asInt() > 0,
                    big, "the big job's first trials recorded");
            assertEquals("running", searching.path("status").asText(), searching.toPrettyString());
            String small = EventTypes.newEventId();
            training.publish(DemoTraining.request(small, List.of("5m")));
            JsonNode smallJob = training.awaitJob(small, Duration.ofMinutes(5));
            assertEquals("completed", smallJob.path("status").asText(), smallJob.toPrettyString());
            JsonNode bigMeanwhile = view(bench.jobId());
            assertEquals("running", bigMeanwhile.path("status").asText(),
                    "the small job finished only after the big one: " + bigMeanwhile.toPrettyString());

            assertEquals(0, (int) big.get(15, TimeUnit.MINUTES), "bench-plan's verdict: the job completed and its market "
                    + "has a configuration");
        } finally {
            runner.shutdownNow();
        }

        JsonNode job = training.awaitJob(bench.jobId(), Duration.ofSeconds(10));
        assertEquals("completed", job.path("status").asText(), job.toPrettyString());
        assertEquals(2 * 201_600, job.path("totalCombinations").asInt(), "the whole grid in each of the 2 windows");
        assertEquals(2 * 201_600, job.path("completedCombinations").asInt() + job.path("failedCombinations").asInt());
        JsonNode market = job.at("/markets/0");
        assertEquals("completed", market.path("status").asText(), market.toPrettyString());
        assertEquals(1, market.path("finaliseAttempts").asInt(), "the outcome was computed once, no step retried");

        JsonNode config = training.awaitConfigs(bench.jobId(), 1, Duration.ofMinutes(1)).get(0);
        for (String statistic : List.of("deflatedSharpeProbability", "probabilityOfBacktestOverfitting",
                "probabilisticSharpeProbability")) {
            assertTrue(config.path(statistic).isNumber(), statistic + " is not defined: " + config.toPrettyString());
        }
        // the minimum track record length exists only for a Sharpe ratio above the benchmark; otherwise its reason says so
        String noTrackRecord = config.at("/statistics/minimum_track_record_length_days_undefined_reason").asText("");
        assertTrue(config.path("minimumTrackRecordLengthDays").isNumber() || noTrackRecord.contains("not above the benchmark"),
                "minimum track record length neither defined nor explained: " + config.toPrettyString());
        double pbo = config.path("probabilityOfBacktestOverfitting").asDouble();
        assertTrue(pbo >= 0 && pbo <= 1, "PBO " + pbo);
        assertEquals(2 * 201_600, config.path("trialsEvaluated").asInt());
    }

    private static JsonNode view(String jobId) throws Exception {
        return Http.json(ServiceSpec.named("optimizer-service").baseUrl() + "/api/training/jobs/" + jobId);
    }

    /** Polls the job's view until {@code until} holds; fails at once if the background run ended first. */
    private static JsonNode awaitView(Supplier<String> jobId, Predicate<JsonNode> until, Future<?> run, String what)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            String id = jobId.get();
            JsonNode view = id == null ? null : view(id);
            if (view != null && until.test(view)) {
                return view;
            }
            if (run.isDone()) {
                fail("the run ended (" + run.get() + ") before " + what);
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what + ": " + (view == null ? "no job yet" : view.toPrettyString()));
            }
            Thread.sleep(200);
        }
    }
}
