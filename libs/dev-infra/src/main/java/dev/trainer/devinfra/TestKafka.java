package dev.trainer.devinfra;

import dev.trainer.contracts.serde.EventJson;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plain Kafka clients for tests, against the real broker the code under test uses: publish events as the other
 * services would, and read back what was published. Reads use no consumer group, from the beginning of the topic,
 * so tests tell their records apart by their own ids.
 */
public final class TestKafka {

    private final String bootstrapServers;

    public TestKafka(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends in order (one producer, acks=all, one at a time). */
    public void publish(String topic, String key, Object... events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonEventSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(p)) {
            for (Object event : events) {
                producer.send(new ProducerRecord<>(topic, key, event)).get();
            }
        }
    }

    /** Sends raw bytes, e.g. a record that is not an event at all. */
    public void publishRaw(String topic, String key, byte[] value) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** The keys of the records on a topic, read from the beginning until {@code key} shows up or the timeout passes. */
    public boolean keySeen(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The reason SmallRye's dead-letter queue gave for the first record with {@code key} on a dead-letter topic (its
     * {@code dead-letter-reason} header), or null when no such record shows up before the timeout.
     */
    public String deadLetterReason(String topic, String key, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(r.key())) {
                        var header = r.headers().lastHeader("dead-letter-reason");
                        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
                    }
                }
            }
        }
        return null;
    }

    /**
     * Reads the whole topic from the beginning (no consumer group) until {@code expected} matching records are seen
     * or the timeout passes, then keeps reading for {@code linger} to catch any extra one. Returns the matches.
     */
    public <T> List<T> read(String topic, Class<T> type, Predicate<T> match, int expected, Duration timeout,
            Duration linger) {
        List<T> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = fromBeginning(topic)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            long lingerUntil = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, lingerUntil)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    T event = EventJson.read(r.value(), type);
                    if (match.test(event)) {
                        found.add(event);
                    }
                }
                if (found.size() >= expected && lingerUntil == Long.MAX_VALUE) {
                    lingerUntil = System.nanoTime() + linger.toNanos();
                }
            }
        }
        return found;
    }

    /** A consumer without a group, assigned every partition of the topic, positioned at the beginning. */
    private KafkaConsumer<String, byte[]> fromBeginning(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
