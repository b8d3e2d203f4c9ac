package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.JsonEventSerializer;
import dev.trainer.domain.market.CandleSeries;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bin/trainer bench-service [--runs N] [--candles N] [--concurrent-jobs K]}: the plan's whole grid of
 * LIQUIDITY_SWEEP_V3 (201,600 trials) for one market over the first 5,000 one-minute candles of the bundled
 * Bitstamp trades, through the running stack: a training request on training.requests, the candles through
 * market-data and cleaning, the trials through backtest.requests, the workers, backtest.results and the trial ledger.
 * Times each job from publishing its request until the optimizer reports it completed (target: at most 10 s on
 * two cores), the first job after the services started separately (cold: the JIT has seen nothing), then the
 * median of the warm runs. One train/test split whose train slice is exactly those candles: the test slice is a
 * quarter as long again.
 */
final class ServiceBenchmark {

    static final String STRATEGY = "LIQUIDITY_SWEEP_V3";
    private static final double TARGET_SECONDS = 10;
    private static final double TRAIN_RATIO = 0.8;

    private final String kafka;
    private final PrintStream out;
    private KafkaProducer<String, Object> producer;
    private long peakHeapBytes;
    private static final String OPTIMIZER_METRICS = ServiceSpec.named("optimizer-service").baseUrl() + "/q/metrics";
    private static final String HEAP_USED = "jvm_memory_used_bytes{area=\"heap\"";

    ServiceBenchmark(String kafka, PrintStream out) {
        this.kafka = kafka;
        this.out = out;
    }

    int run(List<String> args) throws IOException, InterruptedException {
        int runs = intOption(args, "--runs", 5);
        int candles = intOption(args, "--candles", 5_000);
        int concurrent = intOption(args, "--concurrent-jobs", 1);
        CandleSeries minutes = Benchmark.bitstamp1m();
        int total = (int) Math.ceil(candles / TRAIN_RATIO);
        if (total > minutes.size()) {
            throw new IllegalArgumentException("the bundled data has " + minutes.size() + " one-minute candles, "
                    + total + " are needed");
        }
        Instant from = Instant.ofEpochMilli(minutes.openTimeMs(0));
        Instant until = Instant.ofEpochMilli(minutes.openTimeMs(total));
        out.printf(Locale.ROOT, "%s grid on bitstamp-2013 BTC/USD 1m: train on %d candles from %s, test on the next %d; "
                + "%d run(s) after the first, %d job(s) at a time%n", STRATEGY, candles, from, total - candles, runs, concurrent);
        try (KafkaProducer<String, Object> opened = DemoTraining.producer(kafka)) {
            producer = opened; // opened before the clock starts: connecting is no part of a job
            // nor is this client's own first use: the topic's metadata and Jackson's serializer for the request took
            // 1.6 s of the first job's figure before its request was even on the topic
            opened.partitionsFor(Topics.TRAINING_REQUESTS);
            try (JsonEventSerializer serializer = new JsonEventSerializer()) {
                serializer.serialize(Topics.TRAINING_REQUESTS, request("client-warm-up", from, until));
            }
            return run(runs, concurrent, from, until);
        }
    }

    private int run(int runs, int concurrent, Instant from, Instant until) throws IOException, InterruptedException {
        Job first = job(from, until, concurrent);
        out.printf(Locale.ROOT, "first job (cold): %.2f s, %,.0f trials/s, winner %s%n", first.seconds, first.trialsPerSecond(),
                first.winner);
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            Job warm = job(from, until, concurrent);
            seconds[i] = warm.seconds;
            out.printf(Locale.ROOT, "run %d: %.2f s, %,.0f trials/s, winner %s%s%n", i + 1, warm.seconds, warm.trialsPerSecond(),
                    warm.winner, warm.winner.equals(first.winner) ? "" : " (differs from the first job's)");
        }
        double median = Benchmark.median(seconds);
        out.printf(Locale.ROOT, "warm median of %d: %.2f s (range %.2f - %.2f), %,.0f trials/s; target at most %.0f s%n",
                runs, median, Arrays.stream(seconds).min().orElseThrow(), Arrays.stream(seconds).max().orElseThrow(),
                first.trials / median, TARGET_SECONDS);
        out.printf(Locale.ROOT, "optimizer heap: peak %.0f MB in use (sampled every 0.5 s during the jobs); after the runs %s%n",
                peakHeapBytes / 1e6, heap());
        return 0;
    }

    /** Publishes {@code concurrent} identical requests at once and waits for all; seconds until the last completes. */
    private Job job(Instant from, Instant until, int concurrent) throws IOException, InterruptedException {
        try (HeapPeak heap = new HeapPeak()) {
            Job job = timedJob(from, until, concurrent);
            peakHeapBytes = Math.max(peakHeapBytes, heap.peakBytes());
            return job;
        }
    }

    private Job timedJob(Instant from, Instant until, int concurrent) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < concurrent; i++) {
            String jobId = EventTypes.newEventId();
            ids.add(jobId);
            DemoTraining.send(producer, request(jobId, from, until));
        }
        JsonNode last = null;
        for (String id : ids) {
            last = awaitCompleted(id);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Job(seconds, last.path("totalCombinations").asLong() * concurrent, winner(ids.get(ids.size() - 1)));
    }

    /** The optimizer's heap in use, sampled every half second while a job runs: its peak, in bytes (bench-plan too). */
    static final class HeapPeak implements AutoCloseable {
        private final java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        private final Thread sampler;

        HeapPeak() {
            this(OPTIMIZER_METRICS);
        }

        HeapPeak(String metricsUrl) {
            sampler = Thread.ofVirtual().start(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        peak.accumulateAndGet((long) sum(Http.text(metricsUrl), HEAP_USED), Math::max);
                    } catch (InterruptedException e) {
                        return;
                    } catch (IOException | RuntimeException e) {
                        // a missed sample: the next one counts (after the pause, not at once)
                    }
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        long peakBytes() {
            return peak.get();
        }

        @Override
        public void close() {
            sampler.interrupt();
        }
    }

    static TrainingRequested request(String jobId, Instant from, Instant until) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId,
                "bench-service", STRATEGY, List.of("BTC/USD"), List.of("bitstamp-2013"), List.of("1m"),
                new TrainingRequested.Optimization("grid", null, null, 42, "net_profit", 1, null),
                new TrainingRequested.Validation("train_test_split", null, null, null, TRAIN_RATIO), 1, from, until, 3600, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    private JsonNode awaitCompleted(String jobId) throws IOException, InterruptedException {
        String url = ServiceSpec.named("optimizer-service").baseUrl() + "/api/training/jobs/" + jobId;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = Http.json(url);
            String status = job == null ? "" : job.path("status").asText();
            if (status.equals("completed")) {
                return job;
            }
            if (status.equals("failed") || status.equals("cancelled")) {
                throw new IllegalStateException("job " + jobId + " " + status + ": " + job.path("errorMessage").asText());
            }
            Thread.sleep(20); // the poll's resolution is part of the figure: keep it well below its tenth of a second
        }
        throw new IllegalStateException("job " + jobId + " did not complete within 15 minutes");
    }

    /** The winner of the job's last window: its trial number, parameters and in-sample score. */
    private static String winner(String jobId) throws IOException, InterruptedException {
        JsonNode results = Http.json(ServiceSpec.named("optimizer-service").baseUrl() + "/api/training/jobs/" + jobId + "/results");
        JsonNode windows = results.path("markets").path(0).path("windows");
        JsonNode w = windows.path(windows.size() - 1);
        return String.format(Locale.ROOT, "trial %d %s score %.6f", w.path("bestTrial").asInt(), w.path("bestParameters"),
                w.path("bestScore").asDouble());
    }

    /** The optimizer's heap in use and its maximum, from its Prometheus metrics. */
    static String heap() {
        return heap(OPTIMIZER_METRICS);
    }

    static String heap(String metricsUrl) {
        try {
            String metrics = Http.text(metricsUrl);
            double used = sum(metrics, HEAP_USED);
            double max = sum(metrics, "jvm_memory_max_bytes{area=\"heap\"");
            return String.format(Locale.ROOT, "%.0f MB used of %.0f MB", used / 1e6, max / 1e6);
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static double sum(String metrics, String prefix) {
        return metrics.lines().filter(l -> l.startsWith(prefix)).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .filter(v -> v > 0).sum();
    }

    private static int intOption(List<String> args, String name, int fallback) {
        return args.contains(name) ? CommandOptions.positiveInt(CommandOptions.value(args, args.indexOf(name) + 1, name), name)
                : fallback;
    }

    private record Job(double seconds, long trials, String winner) {
        double trialsPerSecond() {
            return trials / seconds;
        }
    }
}
