package dev.trainer.domain.strategy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The values a strategy's parameters may take: an ordered list of dimensions, each either a finite list of values
 * (a grid dimension) or a continuous range {@code {min, max, type int|float}}.
 *
 * <p>The JSON-like form (what services put in messages) is {@code {"fast": [5, 10], "slow": {"min": 40, "max":
 * 200, "type": "int"}}}.
 */
public final class ParameterSpace {

    /** How a range dimension is sampled. */
    public enum RangeType {
        INT, FLOAT
    }

    /** One parameter's admissible values. */
    public sealed interface Dimension permits ValueList, Range {
        String name();
    }

    /** A finite list of values, in the order given (duplicates removed). */
    public record ValueList(String name, List<Double> values) implements Dimension {
        public ValueList {
            values = List.copyOf(values);
        }
    }

    /** A closed interval; INT ranges contain the integers min..max inclusive. */
    public record Range(String name, double min, double max, RangeType type) implements Dimension {
    }

    private final List<Dimension> dimensions;
    private final String[] names;

    private ParameterSpace(List<Dimension> dimensions) {
        this.dimensions = List.copyOf(dimensions);
        this.names = this.dimensions.stream().map(Dimension::name).toArray(String[]::new);
    }

    /** Starts a space built in code. */
    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final Map<String, Dimension> dims = new LinkedHashMap<>();

        public Builder values(String name, double... values) {
            List<Double> list = new ArrayList<>();
            for (double v : values) {
                list.add(v);
            }
            return add(validatedList(name, list));
        }

        public Builder intRange(String name, long min, long max) {
            return add(validatedRange(name, min, max, RangeType.INT));
        }

        public Builder floatRange(String name, double min, double max) {
            return add(validatedRange(name, min, max, RangeType.FLOAT));
        }

        private Builder add(Dimension d) {
            if (dims.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("parameter '" + d.name() + "' defined twice");
            }
            return this;
        }

        public ParameterSpace build() {
            if (dims.isEmpty()) {
                throw new IllegalArgumentException("a parameter space needs at least one parameter");
            }
            return new ParameterSpace(new ArrayList<>(dims.values()));
        }
    }

    /**
     * Parses the JSON-like form: each value is a list of numbers or a map with "min", "max" and optional "type"
     * ("int" or "float"; default "float"). Errors name the parameter and what was wrong.
     */
    public static ParameterSpace fromJsonLike(Map<String, Object> spec) {
        if (spec == null || spec.isEmpty()) {
            throw new IllegalArgumentException("parameter space is empty");
        }
        Builder b = builder();
        for (Map.Entry<String, Object> e : spec.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("parameter space has a blank parameter name");
            }
            if (value instanceof List<?> list) {
                List<Double> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(number(name, "value #" + i, list.get(i)));
                }
                b.add(validatedList(name, values));
            } else if (value instanceof Map<?, ?> range) {
                for (Object key : range.keySet()) {
                    if (!List.of("min", "max", "type").contains(key)) {
                        throw new IllegalArgumentException("parameter '" + name + "': unknown range key '" + key
                                + "'; accepted: min, max, type");
                    }
                }
                double min = number(name, "min", range.get("min"));
                double max = number(name, "max", range.get("max"));
                Object typeValue = range.get("type");
                RangeType type;
                if (typeValue == null) {
                    type = RangeType.FLOAT;
                } else {
                    String t = typeValue.toString().trim().toLowerCase(Locale.ROOT);
                    type = switch (t) {
                        case "int", "integer" -> RangeType.INT;
                        case "float", "double" -> RangeType.FLOAT;
                        default -> throw new IllegalArgumentException("parameter '" + name + "': unknown type '"
                                + typeValue + "'; accepted: int, float");
                    };
                }
                b.add(validatedRange(name, min, max, type));
            } else {
                throw new IllegalArgumentException("parameter '" + name + "' must be a list of numbers or a map "
                        + "{min, max, type}, was " + (value == null ? "null" : value.getClass().getSimpleName()));
            }
        }
        return b.build();
    }

    private static double number(String param, String what, Object o) {
        if (o instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("parameter '" + param + "': " + what + " must be a finite number, was "
                + o);
    }

    private static ValueList validatedList(String name, List<Double> values) {
        Objects.requireNonNull(name, "name");
        if (values.isEmpty()) {
            throw new IllegalArgumentException("parameter '" + name + "' has an empty value list");
        }
        List<Double> distinct = new ArrayList<>();
        for (Double v : values) {
            if (v == null || !Double.isFinite(v)) {
                throw new IllegalArgumentException("parameter '" + name + "' has a non-finite value " + v);
            }
            double nv = v == 0.0 ? 0.0 : v;
            if (!distinct.contains(nv)) {
                distinct.add(nv);
            }
        }
        return new ValueList(name, distinct);
    }

    private static Range validatedRange(String name, double min, double max, RangeType type) {
        Objects.requireNonNull(name, "name");
        if (!Double.isFinite(min) || !Double.isFinite(max) || min > max) {
            throw new IllegalArgumentException("parameter '" + name + "': range needs finite min <= max, was min="
                    + min + " max=" + max);
        }
        if (type == RangeType.INT && (min != Math.rint(min) || max != Math.rint(max))) {
            throw new IllegalArgumentException("parameter '" + name + "': int range needs integer bounds, was min="
                    + min + " max=" + max);
        }
        return new Range(name, min, max, type);
    }

    /**
     * The same space with its dimensions in the given order. A JSON object's keys have no order (PostgreSQL's jsonb,
     * for one, sorts them), yet grid numbering and seeded draws follow the dimensions' order: callers put a parsed
     * space in a canonical order, the strategy's own, so that the same request always gives the same trials.
     */
    public ParameterSpace inOrder(List<String> order) {
        if (order.size() != dimensions.size() || !order.containsAll(names())) {
            throw new IllegalArgumentException("the space's parameters " + names() + " are not " + order);
        }
        return new ParameterSpace(order.stream().map(this::dimension).toList());
    }

    /** The JSON-like form accepted by {@link #fromJsonLike(Map)}. */
    public Map<String, Object> toJsonLike() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            switch (d) {
                case ValueList v -> out.put(v.name(), new ArrayList<>(v.values()));
                case Range r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    if (r.type() == RangeType.INT) {
                        m.put("min", (long) r.min());
                        m.put("max", (long) r.max());
                        m.put("type", "int");
                    } else {
                        m.put("min", r.min());
                        m.put("max", r.max());
                        m.put("type", "float");
                    }
                    out.put(r.name(), m);
                }
            }
        }
        return out;
    }

    public List<String> names() {
        return List.of(names);
    }

    public List<Dimension> dimensions() {
        return dimensions;
    }

    public Dimension dimension(String name) {
        for (Dimension d : dimensions) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("no parameter '" + name + "' in space " + names());
    }

    /** True if every dimension is a value list, i.e. the space is a finite grid. */
    public boolean isGrid() {
        return dimensions.stream().allMatch(d -> d instanceof ValueList);
    }

    /** Number of grid points (product of list sizes). Throws if a dimension is a range or the count overflows. */
    public long gridSize() {
        long size = 1;
        for (Dimension d : dimensions) {
            if (!(d instanceof ValueList v)) {
                throw new IllegalStateException("parameter '" + d.name() + "' is a range: the space is not a grid");
            }
            size = Math.multiplyExact(size, v.values().size());
        }
        return size;
    }

    /**
     * The grid point with the given index, counting in mixed radix with the LAST parameter varying fastest (the
     * order of nested loops written in parameter order, and of Python's itertools.product).
     */
    public ParameterSet gridPoint(long index) {
        long size = gridSize();
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("grid index " + index + " outside [0, " + size + ")");
        }
        double[] values = new double[names.length];
        long rest = index;
        for (int i = names.length - 1; i >= 0; i--) {
            List<Double> vs = ((ValueList) dimensions.get(i)).values();
            values[i] = vs.get((int) (rest % vs.size()));
            rest /= vs.size();
        }
        return ParameterSet.trusted(names, values);
    }

    /** A uniformly random point: a uniform choice among listed values, uniform over a range (INT inclusive). */
    public ParameterSet sample(RandomGenerator rng) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = switch (dimensions.get(i)) {
                case ValueList v -> v.values().get(rng.nextInt(v.values().size()));
                case Range r -> {
                    if (r.min() == r.max()) {
                        yield r.min();
                    }
                    if (r.type() == RangeType.INT) {
                        yield (double) rng.nextLong((long) r.min(), (long) r.max() + 1);
                    }
                    double x = rng.nextDouble(r.min(), r.max());
                    yield x == 0.0 ? 0.0 : x;
                }
            };
        }
        return ParameterSet.trusted(names, values);
    }

    /** True if the set has exactly this space's names and each value is admissible. */
    public boolean contains(ParameterSet p) {
        if (p.size() != names.length) {
            return false;
        }
        for (Dimension d : dimensions) {
            if (!p.has(d.name())) {
                return false;
            }
            double v = p.get(d.name());
            boolean ok = switch (d) {
                case ValueList l -> l.values().contains(v);
                case Range r -> v >= r.min() && v <= r.max() && (r.type() == RangeType.FLOAT || v == Math.rint(v));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSpace other && other.dimensions.equals(dimensions);
    }

    @Override
    public int hashCode() {
        return dimensions.hashCode();
    }

    @Override
    public String toString() {
        return "ParameterSpace" + toJsonLike();
    }
}
