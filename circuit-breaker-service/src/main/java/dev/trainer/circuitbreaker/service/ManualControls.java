package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.AuditEntry;
import dev.trainer.circuitbreaker.repository.AuditRepository;
import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.repository.ThresholdOverride;
import dev.trainer.circuitbreaker.repository.ThresholdOverrideRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * What people do through REST: reset a tripped breaker, set or clear a threshold override. Each is written to the
 * audit trail with its actor and note, in the transaction that makes the change.
 */
@ApplicationScoped
public class ManualControls {

    private final BreakerWriterLock lock;
    private final BreakerStateRepository stateRows;
    private final BreakerStates states;
    private final ThresholdOverrideRepository overrides;
    private final AuditRepository audit;
    private final BreakerDefaults defaults;

    public ManualControls(BreakerWriterLock lock, BreakerStateRepository stateRows, BreakerStates states,
            ThresholdOverrideRepository overrides, AuditRepository audit, BreakerDefaults defaults) {
        this.lock = lock;
        this.stateRows = stateRows;
        this.states = states;
        this.overrides = overrides;
        this.audit = audit;
        this.defaults = defaults;
    }

    public enum ResetOutcome { RESET, UNKNOWN, NOT_TRIPPED }

    public record Reset(ResetOutcome outcome, BreakerState state) {
    }

    /** TRIPPED -> ARMED (MANUAL_RESET); UNKNOWN when the scope has no state for this breaker, NOT_TRIPPED when ARMED. */
    @Transactional
    public Reset reset(Breaker breaker, Scope scope, String actor, String note, Instant now) {
        lock.acquire();
        Optional<BreakerState> found = stateRows.find(breaker.planName(), scope.text());
        if (found.isEmpty()) {
            return new Reset(ResetOutcome.UNKNOWN, null);
        }
        BreakerState s = found.get();
        if (!s.tripped()) {
            return new Reset(ResetOutcome.NOT_TRIPPED, s);
        }
        states.reset(s, Cause.MANUAL_RESET, "reset by " + actor + ": " + note, actor, now);
        AuditEntry entry = entry(AuditEntry.MANUAL_RESET, breaker, scope, actor, note, now);
        entry.oldState = BreakerState.TRIPPED;
        entry.newState = BreakerState.ARMED;
        audit.persist(entry);
        return new Reset(ResetOutcome.RESET, s);
    }

    /** Sets (or replaces) the override; used from the next input on. */
    @Transactional
    public ThresholdOverride setOverride(Breaker breaker, Scope scope, double threshold, String actor, String note,
            Instant now) {
        lock.acquire();
        Optional<ThresholdOverride> existing = overrides.find(breaker.planName(), scope.text());
        AuditEntry entry = entry(AuditEntry.OVERRIDE_SET, breaker, scope, actor, note, now);
        entry.oldThreshold = existing.map(o -> o.threshold).orElseGet(() -> defaults.threshold(breaker));
        entry.newThreshold = threshold;
        ThresholdOverride o = existing.orElseGet(ThresholdOverride::new);
        o.breaker = breaker.planName();
        o.scope = scope.text();
        o.threshold = threshold;
        o.actor = actor;
        o.note = note;
        o.setAt = now;
        if (o.id == null) {
            overrides.persist(o);
        }
        audit.persist(entry);
        return o;
    }

    /** Removes the override, so the default applies again; false when there was none. */
    @Transactional
    public boolean clearOverride(Breaker breaker, Scope scope, String actor, String note, Instant now) {
        lock.acquire();
        Optional<ThresholdOverride> existing = overrides.find(breaker.planName(), scope.text());
        if (existing.isEmpty()) {
            return false;
        }
        AuditEntry entry = entry(AuditEntry.OVERRIDE_CLEARED, breaker, scope, actor, note, now);
        entry.oldThreshold = existing.get().threshold;
        entry.newThreshold = defaults.threshold(breaker);
        overrides.delete(existing.get());
        audit.persist(entry);
        return true;
    }

    private static AuditEntry entry(String action, Breaker breaker, Scope scope, String actor, String note,
            Instant now) {
        AuditEntry e = new AuditEntry();
        e.at = now;
        e.action = action;
        e.breaker = breaker.planName();
        e.scope = scope.text();
        e.actor = actor;
        e.note = note;
        return e;
    }
}
