package dev.trainer.configregistry.rest;

import dev.trainer.configregistry.repository.LifecycleTransition;
import java.time.Instant;

/**
 * One row of a configuration's lifecycle history.
 *
 * @param action    assign (the validator, when the configuration was stored), promote, demote or retire (a person),
 *                  pause or resume (the circuit breakers, actor circuit-breaker-service)
 * @param fromStage null for the assignment
 */
public record TransitionView(String action, String fromStage, String toStage, String reason, String actor, Instant at) {

    static TransitionView of(LifecycleTransition t) {
        return new TransitionView(t.action, t.fromStage, t.toStage, t.reason, t.actor, t.at);
    }
}
