package dev.trainer.devinfra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.Topics.TopicSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker as services get it: a child process started by InfraProcess. */
class KafkaBrokerTest {

    @TempDir
    static Path logDir;

    private static InfraProcess kafka;

    @BeforeAll
    static void startBroker() {
        kafka = timedStart(logDir);
    }

    @AfterAll
    static void stopBroker() {
        int port = port(kafka.address());
        kafka.close();
        assertFalse(kafka.isAlive(), "the child JVM should have exited");
        assertFalse(LoopbackPorts.isListening(port), "nothing should listen on " + port + " after close");
    }

    @Test
    void listensOnLoopback() {
        assertTrue(kafka.address().matches("127\\.0\\.0\\.1:\\d+"), kafka.address());
    }

    @Test
    void createsEveryTopicWithItsPartitionCount() throws Exception {
        List<TopicSpec> specs = Topics.allWithDeadLetters();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.address()))) {
            Map<String, TopicDescription> topics = admin
                    .describeTopics(specs.stream().map(TopicSpec::name).toList()).allTopicNames().get();
            Map<String, Integer> expected = specs.stream().collect(Collectors.toMap(TopicSpec::name, TopicSpec::partitions));
            Map<String, Integer> actual = topics.values().stream()
                    .collect(Collectors.toMap(TopicDescription::name, d -> d.partitions().size()));
            assertEquals(expected, actual);
        }
    }

    @Test
    void consumesBackWhatWasProduced() {
        String value = "hello " + UUID.randomUUID();
        produce(Topics.TRAINING_REQUESTS, "job-1", value);
        assertTrue(topicHolds(Topics.TRAINING_REQUESTS, value));
    }

    @Test
    void keepsTopicsAndRecordsInAGivenLogDirectoryAcrossRestarts() throws Exception {
        String value = "kept " + UUID.randomUUID();
        produce(Topics.CANDLES_RAW, "binance|BTC-USDT|1h", value);
        kafka.close();
        assertTrue(Files.exists(logDir.resolve("meta.properties")));

        kafka = timedStart(logDir);

        assertTrue(topicHolds(Topics.CANDLES_RAW, value), "record produced before the restart");
        createsEveryTopicWithItsPartitionCount();
    }

    private static InfraProcess timedStart(Path dir) {
        long start = System.nanoTime();
        InfraProcess started = InfraProcess.kafka(0, dir);
        System.out.printf("Kafka broker ready after %d ms at %s (log %s)%n",
                (System.nanoTime() - start) / 1_000_000, started.address(), started.logFile());
        return started;
    }

    private static void produce(String topic, String key, String value) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.address());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("could not produce to " + topic, e);
        }
    }

    /** Reads the topic from the beginning with a fresh consumer group until the value shows up (or 30 s pass). */
    private static boolean topicHolds(String topic, String value) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.address());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (value.equals(record.value())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int port(String hostAndPort) {
        return Integer.parseInt(hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1));
    }
}
