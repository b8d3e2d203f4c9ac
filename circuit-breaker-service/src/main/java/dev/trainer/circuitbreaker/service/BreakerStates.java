package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import dev.trainer.circuitbreaker.repository.BreakerState;
import dev.trainer.circuitbreaker.repository.BreakerStateRepository;
import dev.trainer.circuitbreaker.repository.ConfigurationActivity;
import dev.trainer.circuitbreaker.repository.ConfigurationActivityRepository;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BreakerStateChanged;
import dev.trainer.domain.risk.Measurement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The state machine of every (breaker, scope): ARMED -> TRIPPED when a measurement trips, TRIPPED -> ARMED on a reset.
 * Each change is stored and published on breaker.events after the commit, naming the configurations the scope covers
 * at that moment. Callers hold the writer lock.
 */
@ApplicationScoped
public class BreakerStates {

    private final BreakerStateRepository states;
    private final ConfigurationActivityRepository activity;
    private final Coverage coverage;
    private final Thresholds thresholds;
    private final BreakerEvents events;
    private final CircuitBreakerConfig config;

    public BreakerStates(BreakerStateRepository states, ConfigurationActivityRepository activity, Coverage coverage,
            Thresholds thresholds, BreakerEvents events, CircuitBreakerConfig config) {
        this.states = states;
        this.activity = activity;
        this.coverage = coverage;
        this.thresholds = thresholds;
        this.events = events;
        this.config = config;
    }

    /** The state of a (breaker, scope), created ARMED the first time the scope is met. */
    @Transactional(TxType.MANDATORY)
    public BreakerState ensure(Breaker breaker, Scope scope, Instant now) {
        return states.find(breaker.planName(), scope.text()).orElseGet(() -> {
            BreakerState s = new BreakerState();
            s.breaker = breaker.planName();
            s.scope = scope.text();
            s.state = BreakerState.ARMED;
            s.changedAt = now;
            states.persist(s);
            return s;
        });
    }

    /**
     * Records a measurement as the latest one and trips the breaker when it says so and the breaker is ARMED (a
     * TRIPPED one stays as it is until reset). {@code context} (may be null) says what was measured, before the
     * measurement's own sentence. True when this call tripped it.
     */
    @Transactional(TxType.MANDATORY)
    public boolean judge(Breaker breaker, Scope scope, Measurement m, String context, Instant now) {
        return judge(breaker, scope, m, context, null, now);
    }

    /** As {@link #judge(Breaker, Scope, Measurement, String, Instant)}, for max_daily_loss with the day it judged. */
    @Transactional(TxType.MANDATORY)
    public boolean judge(Breaker breaker, Scope scope, Measurement m, String context, LocalDate day, Instant now) {
        BreakerState s = ensure(breaker, scope, now);
        String sentence = context == null ? m.reason() : context + ": " + m.reason();
        s.lastMeasuredValue = m.defined() ? m.value() : null;
        s.lastMeasurement = sentence;
        s.lastMeasuredAt = now;
        if (!m.tripped() || s.tripped()) {
            return false;
        }
        s.state = BreakerState.TRIPPED;
        s.reason = sentence;
        s.measuredValue = m.value();
        s.threshold = m.threshold();
        s.trippedAt = now;
        s.tripDay = day;
        s.coolDownUntil = breaker.coolDown(config).map(now::plus).orElse(null);
        s.changedAt = now;
        publish(s, breaker, BreakerState.ARMED, Cause.THRESHOLD_REACHED, sentence, m.value(), m.threshold(), null,
                coverage.configIds(scope), now);
        return true;
    }

    /**
     * TRIPPED -> ARMED. A reset of consecutive_losses_limit starts the streak again from 0 and one of
     * max_adverse_selection forgets the judged fills, so that the breaker does not trip again on the evidence it
     * was reset from.
     */
    @Transactional(TxType.MANDATORY)
    public void reset(BreakerState s, Cause cause, String reason, String actor, Instant now) {
        if (!s.tripped()) {
            throw new IllegalStateException(s.breaker + " " + s.scope + " is not TRIPPED");
        }
        Breaker breaker = Breaker.of(s.breaker);
        Scope scope = Scope.parse(s.scope);
        s.state = BreakerState.ARMED;
        s.reason = null;
        s.measuredValue = null;
        s.threshold = null;
        s.trippedAt = null;
        s.tripDay = null;
        s.coolDownUntil = null;
        s.changedAt = now;
        if (scope.kind() == ScopeKind.CONFIG && breaker == Breaker.CONSECUTIVE_LOSSES_LIMIT) {
            activity.of(scope.configId()).lossStreak = 0;
        } else if (scope.kind() == ScopeKind.CONFIG && breaker == Breaker.MAX_ADVERSE_SELECTION) {
            ConfigurationActivity a = activity.of(scope.configId());
            a.judgedAdverse = new boolean[0];
        }
        publish(s, breaker, BreakerState.TRIPPED, cause, reason, null, thresholds.inForce(breaker, scope), actor,
                coverage.configIds(scope), now);
    }

    /** Tells that a configuration which just arrived is covered by a scope already TRIPPED. */
    @Transactional(TxType.MANDATORY)
    public void announceTo(String configId, BreakerState s, Instant now) {
        publish(s, Breaker.of(s.breaker), BreakerState.TRIPPED, Cause.NEW_CONFIGURATION,
                "configuration " + configId + " arrived while tripped: " + s.reason, s.measuredValue, s.threshold,
                null, List.of(configId), now);
    }

    private void publish(BreakerState s, Breaker breaker, String previousState, Cause cause, String reason,
            Double measuredValue, Double threshold, String actor, List<String> configIds, Instant now) {
        events.publishAfterCommit(new BreakerStateChanged(EventTypes.newEventId(), BreakerStateChanged.SCHEMA_VERSION,
                now, breaker.planName(), s.scope, s.state, previousState, cause.name(), reason,
                finiteOrNull(measuredValue), finiteOrNull(threshold), breaker.unit(), actor, List.copyOf(configIds)));
    }

    private static Double finiteOrNull(Double value) {
        return value == null || !Double.isFinite(value) ? null : value;
    }
}
