package dev.trainer.domain.strategy;

/** Validation helpers whose messages name the parameter and the accepted values. */
public final class ParameterChecks {

    private ParameterChecks() {
    }

    public static int intAtLeast(ParameterSet p, String name, int min) {
        int v = present(p, name) ? p.getInt(name) : 0;
        if (v < min) {
            throw new IllegalArgumentException("parameter '" + name + "' must be an integer >= " + min + ", was "
                    + ParameterSet.format(p.get(name)));
        }
        return v;
    }

    public static double within(ParameterSet p, String name, double minExclusive, double maxInclusive) {
        present(p, name);
        double v = p.get(name);
        if (!(v > minExclusive && v <= maxInclusive)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be in (" + ParameterSet.format(minExclusive)
                    + ", " + ParameterSet.format(maxInclusive) + "], was " + ParameterSet.format(v));
        }
        return v;
    }

    public static double nonNegative(ParameterSet p, String name) {
        present(p, name);
        double v = p.get(name);
        if (!(v >= 0)) {
            throw new IllegalArgumentException("parameter '" + name + "' must be >= 0, was " + ParameterSet.format(v));
        }
        return v;
    }

    public static double positive(ParameterSet p, String name) {
        return within(p, name, 0, Double.MAX_VALUE);
    }

    private static boolean present(ParameterSet p, String name) {
        if (!p.has(name)) {
            throw new IllegalArgumentException("missing parameter '" + name + "' (got " + p + ")");
        }
        return true;
    }
}
