package dev.trainer.contracts.events;

import java.time.Instant;

/**
 * What every event on every topic carries: a unique id (consumers use it to ignore redeliveries),
 * the version of its schema, and when it happened.
 */
public interface Event {

    String eventId();

    int schemaVersion();

    Instant occurredAt();
}
