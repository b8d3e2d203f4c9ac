package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.AuditEntry;
import dev.trainer.circuitbreaker.service.Breaker;
import java.time.Instant;

/**
 * One audited action: OVERRIDE_SET and OVERRIDE_CLEARED carry the threshold in force before and after (the default
 * when there was no override), MANUAL_RESET the state before and after.
 */
public record AuditView(long id, Instant at, String action, String breaker, String scope, String actor, String note,
        Number oldThreshold, Number newThreshold, String unit, String oldState, String newState) {

    static AuditView of(AuditEntry e) {
        Breaker b = Breaker.of(e.breaker);
        return new AuditView(e.id, e.at, e.action, e.breaker, e.scope, e.actor, e.note,
                e.oldThreshold == null ? null : b.shown(e.oldThreshold),
                e.newThreshold == null ? null : b.shown(e.newThreshold), b.unit(), e.oldState, e.newState);
    }
}
