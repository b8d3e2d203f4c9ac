package dev.trainer.circuitbreaker.service;

import dev.trainer.circuitbreaker.config.CircuitBreakerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured thresholds, in the plan's order and under the plan's names; never the REST overrides. */
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

    /** The configured threshold of one breaker, in its unit. */
    public double threshold(Breaker breaker) {
        return breaker.threshold(config).doubleValue();
    }

    public List<Definition> definitions() {
        return Arrays.stream(Breaker.values())
                .map(b -> new Definition(b.planName(), b.threshold(config), b.unit(), b.scopeKind().pattern(),
                        b.meaning(), b.tripsWhen(), b.coolDown(config).map(Object::toString).orElse(null)))
                .toList();
    }

    /**
     * One breaker explained.
     *
     * @param name      the plan's name
     * @param threshold the configured value, in {@code unit}
     * @param scope     what its state belongs to and a trip stops: portfolio, config:&lt;configId&gt;,
     *                  market:&lt;exchange&gt;|&lt;pair&gt; or exchange:&lt;exchange&gt;
     * @param coolDown  ISO-8601 duration after which a trip re-arms by itself; null: manual reset only
     */
    public record Definition(String name, Number threshold, String unit, String scope, String meaning, String tripsWhen,
            String coolDown) {
    }
}
