package dev.trainer.domain.strategy;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a parameter space: an immutable, ordered name -> value mapping. Values are doubles; integer
 * parameters are read with {@link #getInt(String)}, which refuses non-integral values instead of truncating them.
 * Equality ignores order (two sets with the same names and values are the same trial).
 */
public final class ParameterSet {

    private final String[] names;
    private final double[] values;

    private ParameterSet(String[] names, double[] values) {
        this.names = names;
        this.values = values;
    }

    /** Copies the map in its iteration order. Values must be finite numbers. */
    public static ParameterSet of(Map<String, ? extends Number> values) {
        Objects.requireNonNull(values, "values");
        String[] n = new String[values.size()];
        double[] v = new double[values.size()];
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : values.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank()) {
                throw new IllegalArgumentException("parameter names must not be blank");
            }
            if (e.getValue() == null) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no value");
            }
            n[i] = e.getKey();
            v[i] = normalise(e.getKey(), e.getValue().doubleValue());
            i++;
        }
        return new ParameterSet(n, v);
    }

    /** Builds from parallel arrays (copied). */
    public static ParameterSet of(List<String> names, double[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names but " + values.length + " values");
        }
        String[] n = names.toArray(String[]::new);
        double[] v = new double[values.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = normalise(n[i], values[i]);
        }
        if (Arrays.stream(n).distinct().count() != n.length) {
            throw new IllegalArgumentException("duplicate parameter names in " + names);
        }
        return new ParameterSet(n, v);
    }

    // shares the names array between the many points of one space (no copy); values already normalised
    static ParameterSet trusted(String[] names, double[] values) {
        return new ParameterSet(names, values);
    }

    private static double normalise(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a finite number, was " + v);
        }
        return v == 0.0 ? 0.0 : v; // -0.0 and 0.0 are the same trial
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public double get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no parameter '" + name + "' in " + this);
        }
        return values[i];
    }

    /** The value of an integer parameter; throws if it is not integral (e.g. 2.5 for a bar count). */
    public int getInt(String name) {
        double v = get(name);
        long r = Math.round(v);
        if (Math.abs(v - r) > 1e-9 || r > Integer.MAX_VALUE || r < Integer.MIN_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an integer, was " + v);
        }
        return (int) r;
    }

    public List<String> names() {
        return List.of(names);
    }

    public int size() {
        return names.length;
    }

    public Map<String, Double> asMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            m.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** A copy with one value replaced or added (at the end). */
    public ParameterSet with(String name, double value) {
        Map<String, Double> m = new LinkedHashMap<>(asMap());
        m.put(name, value);
        return of(m);
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParameterSet other) || other.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            int j = names[i].equals(other.names[i]) ? i : other.indexOf(names[i]);
            if (j < 0 || Double.compare(values[i], other.values[j]) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (int i = 0; i < names.length; i++) {
            h += names[i].hashCode() ^ Double.hashCode(values[i]); // order-independent, like Map.hashCode
        }
        return h;
    }

    /** E.g. {@code {fast=5, slow=40}}; integral values are printed without a decimal part. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=').append(format(values[i]));
        }
        return sb.append('}').toString();
    }

    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
