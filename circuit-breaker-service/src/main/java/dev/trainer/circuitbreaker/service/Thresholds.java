package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.repository.ThresholdOverrideRepository;
import jakarta.enterprise.context.ApplicationScoped;

/** The threshold in force for a (breaker, scope): its REST override, else the configured default. */
@ApplicationScoped
public class Thresholds {

    private final ThresholdOverrideRepository overrides;
    private final BreakerDefaults defaults;

    public Thresholds(ThresholdOverrideRepository overrides, BreakerDefaults defaults) {
        this.overrides = overrides;
        this.defaults = defaults;
    }

    public double inForce(Breaker breaker, Scope scope) {
        return overrides.find(breaker.planName(), scope.text()).map(o -> o.threshold)
                .orElseGet(() -> defaults.threshold(breaker));
    }
}
