package dev.trainer.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The demo's training job: SMA_CROSSOVER on the bundled Bitstamp BTC/USD week of 2013, a 4 x 3 grid of short moving
 * averages searched in three walk-forward windows (3 days to train, the next day to test). Publishes the request on
 * training.requests as any client would, follows the job on the optimizer's REST API and reads the results from the
 * config registry.
 */
public final class DemoTraining {

    private final String kafka;
    private final PrintStream out;

    public DemoTraining(String kafkaBootstrapServers, PrintStream out) {
        this.kafka = kafkaBootstrapServers;
        this.out = out;
    }

    public static final int GRID_SIZE = 4 * 3;
    public static final int WINDOWS = 3;

    public static TrainingRequested request(String jobId, List<String> timeframes) {
        return new TrainingRequested(EventTypes.newEventId(), TrainingRequested.SCHEMA_VERSION, Instant.now(), jobId, "demo",
                "SMA_CROSSOVER", List.of("BTC/USD"), List.of("bitstamp-2013"), timeframes,
                new TrainingRequested.Optimization("grid", null, null, 42, "net_profit", 1,
                        Map.of("fast", List.of(3, 5, 8, 13), "slow", List.of(21, 34, 55))),
                new TrainingRequested.Validation("walk_forward", 3, 1, 0, null), 1,
                Instant.parse("2013-11-25T00:00:00Z"), Instant.parse("2013-12-02T00:00:00Z"), 600, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    public void publish(TrainingRequested request) {
        try (KafkaProducer<String, Object> producer = producer(kafka)) {
            send(producer, request);
        }
        out.printf("published training request %s to %s: %s on %s %s %s%n", request.jobId(), Topics.TRAINING_REQUESTS,
                request.strategy(), request.exchanges(), request.pairs(), request.timeframes());
    }

    /** A producer of training requests, as any client would have one. */
    static KafkaProducer<String, Object> producer(String kafka) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new JsonEventSerializer());
    }

    /** Sends a request and waits until the broker has it. */
    static void send(KafkaProducer<String, Object> producer, TrainingRequested request) {
        try {
            producer.send(new ProducerRecord<>(Topics.TRAINING_REQUESTS, request.jobId(), request)).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the training request: " + e.getMessage(), e);
        }
    }

    /** Follows the job until it finishes, printing progress; returns its final view. */
    public JsonNode awaitJob(String jobId, Duration timeout) throws IOException, InterruptedException {
        String url = ServiceSpec.named("optimizer-service").baseUrl() + "/api/training/jobs/" + jobId;
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode job = Http.json(url);
            if (job != null) {
                String line = String.format(Locale.ROOT, "job %s: %-9s %5.1f %% (%d of %d trials, %d failed) markets: %s",
                        jobId.substring(0, 8), job.path("status").asText(), 100 * job.path("progressFraction").asDouble(),
                        job.path("completedCombinations").asInt(), job.path("totalCombinations").asInt(),
                        job.path("failedCombinations").asInt(), markets(job));
                if (!line.equals(last)) {
                    out.println(line);
                    last = line;
                }
                String status = job.path("status").asText();
                if (status.equals("completed") || status.equals("failed") || status.equals("cancelled")) {
                    return job;
                }
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("job " + jobId + " did not finish within " + timeout.toSeconds() + " s");
    }

    /** Waits until the registry holds {@code expected} configurations of the job and returns them. */
    public List<JsonNode> awaitConfigs(String jobId, int expected, Duration timeout) throws IOException, InterruptedException {
        String url = ServiceSpec.named("config-registry-service").baseUrl() + "/api/configs?limit=500";
        long deadline = System.nanoTime() + timeout.toNanos();
        List<JsonNode> found = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            found.clear();
            JsonNode configs = Http.json(url);
            if (configs != null) {
                for (JsonNode c : configs.isArray() ? configs : configs.path("items")) {
                    if (jobId.equals(text(c, "jobId", "job_id"))) {
                        found.add(c);
                    }
                }
            }
            if (found.size() >= expected) {
                return found;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the registry holds " + found.size() + " of " + expected + " configurations of job "
                + jobId + " after " + timeout.toSeconds() + " s");
    }

    public void printTable(List<JsonNode> configs) {
        out.println();
        out.println("Trained configurations (read from " + ServiceSpec.named("config-registry-service").baseUrl() + "/api/configs):");
        String format = "%-10s %-28s %-10s %8s %10s %9s %8s %9s  %s%n";
        out.printf(format, "config", "market", "stage", "trades", "net profit", "sharpe", "p-value", "max dd", "parameters");
        for (JsonNode c : configs) {
            out.printf(Locale.ROOT, format, text(c, "configId", "config_id").substring(0, 8),
                    text(c.path("market"), "exchange") + " " + text(c.path("market"), "pair") + " "
                            + text(c.path("market"), "timeframe"),
                    text(c, "lifecycleStage", "lifecycle_stage"), number(c, "%d", "tradeCount", "trade_count"),
                    number(c, "%.2f%%", 100, "netProfitFraction", "net_profit_fraction"),
                    number(c, "%.2f", "sharpeDaily", "sharpe_daily"), number(c, "%.3f", "pValue", "p_value"),
                    number(c, "%.2f%%", 100, "maxDrawdownFraction", "max_drawdown_fraction"), c.path("parameters"));
        }
        out.println("(fractions shown as percentages; sharpe is annualised from daily returns; all out of sample)");
    }

    private static String markets(JsonNode job) {
        List<String> parts = new ArrayList<>();
        for (JsonNode m : job.path("markets")) {
            parts.add(m.path("timeframe").asText() + "=" + m.path("status").asText());
        }
        return String.join(", ", parts);
    }

    static String text(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name)) {
                return node.get(name).asText();
            }
        }
        return "";
    }

    private static String number(JsonNode node, String format, String... names) {
        return number(node, format, 1, names);
    }

    private static String number(JsonNode node, String format, double scale, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name) && node.get(name).isNumber()) {
                return format.contains("%d") ? String.format(Locale.ROOT, format, node.get(name).asLong())
                        : String.format(Locale.ROOT, format, scale * node.get(name).asDouble());
            }
        }
        return "n/a";
    }
}
