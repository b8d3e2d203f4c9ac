package dev.trainer.cleaning;

import dev.trainer.contracts.serde.JsonEventSerializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * Test-side Kafka: publishes records the way the other services do, and reads what the service publishes. Reads
 * every record of the watched topics from the beginning under a fresh consumer group; tests tell their records apart
 * by job id.
 */
final class TopicTap implements AutoCloseable {

    private final KafkaProducer<String, Object> events;
    private final KafkaProducer<String, byte[]> bytes;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new CopyOnWriteArrayList<>();

    TopicTap(String bootstrapServers, List<String> watchedTopics) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonEventSerializer.class.getName());
        events = new KafkaProducer<>(p);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        bytes = new KafkaProducer<>(p);

        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "cleaning-service-test-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        consumer = new KafkaConsumer<>(c);
        consumer.subscribe(watchedTopics);
    }

    void send(String topic, String key, Object event) {
        try {
            events.send(new ProducerRecord<>(topic, key, event)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + topic, e);
        }
    }

    void sendBytes(String topic, String key, byte[] value) {
        try {
            bytes.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + topic, e);
        }
    }

    /** Polls once more, then returns the records seen so far on a topic that match. */
    synchronized List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> filter) {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : seen) {
            if (r.topic().equals(topic) && filter.test(r)) {
                out.add(r);
            }
        }
        return out;
    }

    /**
     * Like {@link #records} but first reads the topic up to its current end, so that whatever was published on it
     * before this call is included.
     */
    synchronized List<ConsumerRecord<String, byte[]>> recordsUpToNow(String topic,
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!end.entrySet().stream().allMatch(e -> consumer.assignment().contains(e.getKey())
                && consumer.position(e.getKey()) >= e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " up to " + end);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        }
        return records(topic, filter);
    }

    @Override
    public void close() {
        events.close();
        bytes.close();
        consumer.close();
    }
}
