package dev.trainer.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.cli.DemoTraining;
import dev.trainer.cli.Http;
import dev.trainer.cli.LocalStack;
import dev.trainer.cli.ServiceSpec;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.ExecutionReported;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A circuit breaker with real processes: a configuration trained by the demo's request reaches both the registry and
 * the circuit-breaker service; losing fills on {@code executions} build a loss streak that survives the breaker
 * service being killed with SIGKILL; the fifth loss trips consecutive_losses_limit, and the registry, told on
 * breaker.events, shows the configuration PAUSED and refuses to promote it; a manual reset over REST puts it back in
 * its stage. Needs ports 8081-8086 free.
 */
class CircuitBreakerSystemTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final ServiceSpec BREAKERS = ServiceSpec.named("circuit-breaker-service");
    private static final ServiceSpec REGISTRY = ServiceSpec.named("config-registry-service");
    private static final String STREAK = "consecutive_losses_limit";
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Test
    void aLossStreakThatOutlivesARestartPausesTheConfigurationUntilItIsResetByHand() throws Exception {
        try (LocalStack stack = LocalStack.start(ROOT, ROOT.resolve("system-tests/target/stack-breakers"), false, 0, 0,
                System.out::println)) {
            DemoTraining training = new DemoTraining(stack.kafkaBootstrapServers(), System.out);
            String jobId = EventTypes.newEventId();
            training.publish(DemoTraining.request(jobId, List.of("5m")));
            assertEquals("completed", training.awaitJob(jobId, Duration.ofMinutes(5)).path("status").asText());
            JsonNode config = training.awaitConfigs(jobId, 1, Duration.ofMinutes(2)).get(0);
            String configId = config.path("configId").asText();
            String stage = config.path("lifecycleStage").asText();
            assertFalse(configId.isEmpty(), config.toPrettyString());
            assertNotEquals("PAUSED", stage);
            String scope = "config:" + configId;
            String stateUrl = BREAKERS.baseUrl() + "/api/circuit-breakers/states?breaker=" + STREAK + "&scope="
                    + encode(scope);
            await("the breaker service watches " + configId, stateUrl, states -> states.size() == 1);

            SeriesRef market = new SeriesRef("bitstamp-2013", "BTC/USD", "5m");
            try (KafkaProducer<String, Object> producer = producer(stack.kafkaBootstrapServers())) {
                for (int i = 0; i < 3; i++) {
                    sendLosingFill(producer, configId, market, i);
                }
                JsonNode armed = await("a streak of three", stateUrl,
                        states -> states.get(0).path("lastMeasuredValue").asInt() == 3).get(0);
                assertEquals("ARMED", armed.path("state").asText(), armed.toPrettyString());

                stack.kill(BREAKERS);
                stack.restart(BREAKERS);
                JsonNode afterRestart = Http.json(stateUrl).get(0);
                assertEquals("ARMED", afterRestart.path("state").asText());
                assertEquals(3, afterRestart.path("lastMeasuredValue").asInt(), "the streak outlived the restart");

                sendLosingFill(producer, configId, market, 3);
                JsonNode fourth = await("a streak of four", stateUrl,
                        states -> states.get(0).path("lastMeasuredValue").asInt() == 4).get(0);
                assertEquals("ARMED", fourth.path("state").asText(), "just below the limit: " + fourth.toPrettyString());
                sendLosingFill(producer, configId, market, 4);
            }
            JsonNode tripped = await("the fifth loss trips the breaker", stateUrl,
                    states -> states.get(0).path("state").asText().equals("TRIPPED")).get(0);
            assertEquals(5, tripped.path("measuredValue").asInt());
            assertEquals(5, tripped.path("threshold").asInt());
            assertEquals("[\"" + configId + "\"]", tripped.path("configIds").toString(), "the trip covers that configuration alone");

            String configUrl = REGISTRY.baseUrl() + "/api/configs/" + configId;
            JsonNode paused = awaitOne("the registry pauses " + configId, configUrl,
                    c -> c.path("lifecycleStage").asText().equals("PAUSED"));
            assertEquals(stage, paused.path("pausedFromStage").asText());
            assertEquals(STREAK, paused.at("/pauses/0/breaker").asText(), paused.toPrettyString());
            assertEquals(scope, paused.at("/pauses/0/scope").asText());
            assertEquals(5.0, paused.at("/pauses/0/measuredValue").asDouble());
            HttpResponse<String> promote = post(configUrl + "/promote", "{\"actor\":\"system-test\",\"reason\":\"try\"}");
            assertEquals(409, promote.statusCode(), promote.body());
            assertTrue(promote.body().contains("\"pausedBy\"") && promote.body().contains(STREAK), promote.body());

            HttpResponse<String> reset = post(BREAKERS.baseUrl() + "/api/circuit-breakers/states/" + STREAK + "/"
                    + encode(scope) + "/reset", "{\"actor\":\"system-test\",\"note\":\"losses reviewed\"}");
            assertEquals(200, reset.statusCode(), reset.body());
            HttpResponse<String> again = post(BREAKERS.baseUrl() + "/api/circuit-breakers/states/" + STREAK + "/"
                    + encode(scope) + "/reset", "{\"actor\":\"system-test\",\"note\":\"twice\"}");
            assertEquals(409, again.statusCode(), "already ARMED: " + again.body());
            JsonNode resumed = awaitOne("the registry resumes " + configId, configUrl,
                    c -> c.path("lifecycleStage").asText().equals(stage));
            assertTrue(resumed.path("pauses").isEmpty(), resumed.toPrettyString());
            JsonNode audit = Http.json(BREAKERS.baseUrl() + "/api/circuit-breakers/audit");
            assertTrue(audit.toString().contains("losses reviewed"), "the reset is audited: " + audit);
        }
    }

    private static void sendLosingFill(KafkaProducer<String, Object> producer, String configId, SeriesRef market, int i)
            throws Exception {
        Instant filledAt = Instant.now();
        ExecutionReported fill = new ExecutionReported(EventTypes.newEventId(), ExecutionReported.SCHEMA_VERSION,
                filledAt, configId, market, ExecutionReported.SELL, 1000.0, 999.5, 0.01, 40, -1.5 - i, filledAt);
        producer.send(new ProducerRecord<>(Topics.EXECUTIONS, configId, fill)).get();
    }

    private static KafkaProducer<String, Object> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(props, new StringSerializer(), new JsonEventSerializer());
    }

    private static JsonNode await(String what, String url, Predicate<JsonNode> done) throws Exception {
        return awaitOne(what, url, states -> states != null && states.isArray() && !states.isEmpty() && done.test(states));
    }

    private static JsonNode awaitOne(String what, String url, Predicate<JsonNode> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = Http.json(url);
            if (last != null && done.test(last)) {
                return last;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not within a minute: " + what + "; last answer of " + url + ": " + last);
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
