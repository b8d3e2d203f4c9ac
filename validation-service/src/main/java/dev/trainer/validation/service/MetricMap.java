package dev.trainer.validation.service;

import dev.trainer.domain.backtest.MetricValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the metric and statistics maps of the events: snake_case keys that carry their unit, insertion order
 * kept, and no NaN or infinity: an undefined value is written as null with {@code <key>_undefined_reason}.
 */
public final class MetricMap {

    static final String UNDEFINED_SUFFIX = "_undefined_reason";

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** A number that may be undefined: NaN, infinite or null is written as null with the given reason. */
    MetricMap number(String key, Double value, String reasonIfUndefined) {
        if (value == null || !Double.isFinite(value)) {
            return undefined(key, reasonIfUndefined);
        }
        values.put(key, value);
        return this;
    }

    MetricMap number(String key, Defined defined) {
        return defined.value() == null ? undefined(key, defined.reason()) : number(key, defined.value(), defined.reason());
    }

    /** A statistic of dev.trainer.domain: its value, or null with the reason it is undefined. */
    MetricMap number(String key, MetricValue value) {
        return value.isDefined() ? number(key, value.value(), "not finite") : undefined(key, value.undefinedReason());
    }

    MetricMap count(String key, long value) {
        values.put(key, value);
        return this;
    }

    MetricMap flag(String key, Boolean value, String reasonIfUndefined) {
        if (value == null) {
            return undefined(key, reasonIfUndefined);
        }
        values.put(key, value);
        return this;
    }

    MetricMap text(String key, String value) {
        values.put(key, value);
        return this;
    }

    MetricMap undefined(String key, String reason) {
        values.put(key, null);
        values.put(key + UNDEFINED_SUFFIX, reason);
        return this;
    }

    Map<String, Object> build() {
        return values;
    }

    /** A finite value, or null value with the reason it is undefined. */
    public record Defined(Double value, String reason) {

        static Defined of(double value, String reasonIfNotFinite) {
            return Double.isFinite(value) ? new Defined(value, null) : new Defined(null, reasonIfNotFinite);
        }

        static Defined undefined(String reason) {
            return new Defined(null, reason);
        }

        public boolean isDefined() {
            return value != null;
        }
    }

    /** The finite number under a key of a metrics map, or null (absent, null, not a number, NaN). */
    static Double read(Map<String, Object> metrics, String key) {
        if (metrics == null) {
            return null;
        }
        Object value = metrics.get(key);
        if (value instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        return null;
    }
}
