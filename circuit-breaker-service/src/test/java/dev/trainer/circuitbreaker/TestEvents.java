package dev.trainer.circuitbreaker;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.ConfigTrained;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.serde.JsonEventSerializer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishing test events to the real broker the service under test consumes from. */
final class TestEvents {

    private TestEvents() {
    }

    static void publish(String topic, String key, Object event) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, JsonEventSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(p)) {
            producer.send(new ProducerRecord<>(topic, key, event)).get();
        }
    }

    static ConfigTrained configTrained(String configId, String strategy, SeriesRef market, String stage) {
        return new ConfigTrained(EventTypes.newEventId(), ConfigTrained.SCHEMA_VERSION, Instant.now(), configId,
                "job-" + configId, "user-1", strategy, market, Map.of("fast", 5.0, "slow", 40.0),
                Map.of("trade_count", 50.0), Map.of("trade_count", 40L, "net_profit_fraction", 0.03),
                Map.of("p_value", 0.04), stage, List.of("a reason"), "fp-1", 0.98, "test", 42L, "random",
                "walk_forward", 100, Map.of("version", "V3"));
    }
}
