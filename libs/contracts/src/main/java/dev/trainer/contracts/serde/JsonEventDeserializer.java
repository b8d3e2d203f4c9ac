package dev.trainer.contracts.serde;

import dev.trainer.contracts.EventTypes;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka value deserializer for event records. Which record it reads is taken from the consumer property
 * {@value #TYPE_CONFIG} (a class name) or, when that is absent, from the topic via {@link EventTypes#BY_TOPIC}.
 * A record that is not valid JSON of that type throws, which the messaging layer turns into a dead-letter
 * record carrying the reason.
 */
public class JsonEventDeserializer implements Deserializer<Object> {

    public static final String TYPE_CONFIG = "json.value.type";

    private Class<?> configuredType;

    public JsonEventDeserializer() {
    }

    public JsonEventDeserializer(Class<?> type) {
        this.configuredType = type;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object type = configs.get(TYPE_CONFIG);
        if (type == null || configuredType != null) {
            return;
        }
        try {
            configuredType = type instanceof Class<?> c ? c
                    : Class.forName(type.toString(), true, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigException(TYPE_CONFIG, type, "no such event class");
        }
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        Class<?> type = configuredType != null ? configuredType : EventTypes.BY_TOPIC.get(topic);
        if (type == null) {
            throw new IllegalStateException("no event type configured for topic " + topic + " (set " + TYPE_CONFIG + ")");
        }
        return EventJson.read(data, type);
    }
}
