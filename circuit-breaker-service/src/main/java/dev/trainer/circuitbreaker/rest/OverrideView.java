package dev.trainer.circuitbreaker.rest;

import dev.trainer.circuitbreaker.repository.ThresholdOverride;
import dev.trainer.circuitbreaker.service.Breaker;
import java.time.Instant;

/** A threshold override, with the configured default it replaces for this scope. */
public record OverrideView(String breaker, String scope, Number threshold, Number defaultThreshold, String unit,
        String actor, String note, Instant setAt) {

    static OverrideView of(ThresholdOverride o, double defaultThreshold) {
        Breaker b = Breaker.of(o.breaker);
        return new OverrideView(o.breaker, o.scope, b.shown(o.threshold), b.shown(defaultThreshold), b.unit(), o.actor,
                o.note, o.setAt);
    }
}
