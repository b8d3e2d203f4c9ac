package dev.trainer.circuitbreaker.repository;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A breaker.events record written with the state change it reports, until the broker has acknowledged it. */
@Entity
@Table(name = "outgoing_events")
public class OutgoingEvent {

    /** The order the events were made in, which is the order they are sent in. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;

    @Column(name = "event_id")
    public String eventId;

    /** The Kafka record key: the scope. */
    @Column(name = "record_key")
    public String recordKey;

    /** The BreakerStateChanged as JSON (EventJson). */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
