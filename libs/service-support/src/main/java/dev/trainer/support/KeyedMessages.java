package dev.trainer.support;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/** Publishing with a record key, waiting for the broker's acknowledgement (producers use acks=all). */
public final class KeyedMessages {

    private KeyedMessages() {
    }

    public static <T> Message<T> keyed(String key, T payload) {
        return Message.of(payload).addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build());
    }

    /** Sends and blocks until the broker has the record, so a caller acks its input only after its output is safe. */
    public static <T> void sendAndAwait(MutinyEmitter<T> emitter, String key, T payload) {
        emitter.sendMessageAndAwait(keyed(key, payload));
    }
}
