package dev.trainer.contracts.serde;

import org.apache.kafka.common.serialization.Serializer;

/** Kafka value serializer for every event record. */
public class JsonEventSerializer implements Serializer<Object> {

    @Override
    public byte[] serialize(String topic, Object data) {
        return data == null ? null : EventJson.write(data);
    }
}
