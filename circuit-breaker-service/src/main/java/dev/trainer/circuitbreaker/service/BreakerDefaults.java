package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured thresholds, in the plan's order and under the plan's names. */
@ApplicationScoped
public class BreakerDefaults {

    private final CircuitBreakerConfig config;

    public BreakerDefaults(CircuitBreakerConfig config) {
        this.config = config;
    }

    /** name to threshold, e.g. max_daily_loss to 0.02 and latency_threshold_ms to 500. */
    public Map<String, Number> thresholds() {
        Map<String, Number> out = new LinkedHashMap<>();
        for (Breaker b : Breaker.values()) {
            out.put(b.planName(), b.threshold(config));
        }
        return out;
    }

    public List<Definition> definitions() {
        return Arrays.stream(Breaker.values())
                .map(b -> new Definition(b.planName(), b.threshold(config), b.unit(), b.scope(), b.meaning(), b.tripsWhen()))
                .toList();
    }

    /**
     * One breaker explained.
     *
     * @param name      the plan's name
     * @param threshold the configured value, in {@code unit}
     * @param scope     PORTFOLIO, MARKET, EXECUTION or CONFIGURATION: what a trip pauses
     */
    public record Definition(String name, Number threshold, String unit, String scope, String meaning, String tripsWhen) {
    }
}
