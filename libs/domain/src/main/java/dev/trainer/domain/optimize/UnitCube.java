package dev.trainer.domain.optimize;

import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.ParameterSpace;
import dev.trainer.domain.strategy.ParameterSpace.Dimension;
import dev.trainer.domain.strategy.ParameterSpace.Range;
import dev.trainer.domain.strategy.ParameterSpace.RangeType;
import dev.trainer.domain.strategy.ParameterSpace.ValueList;

import java.util.List;

/**
 * Maps a parameter space onto the unit cube [0, 1]^d, where the continuous searches (Sobol, Bayesian, CMA-ES) work,
 * and back. A listed dimension of k values splits [0, 1] into k equal cells, one per value in the order listed (so a
 * sorted list keeps its order); an int range rounds to the nearest integer; a float range is linear. Points outside
 * the cube are clipped to it first.
 */
public final class UnitCube {

    private final ParameterSpace space;
    private final String[] names;

    public UnitCube(ParameterSpace space) {
        this.space = space;
        this.names = space.names().toArray(String[]::new);
    }

    public int dimensions() {
        return names.length;
    }

    public ParameterSpace space() {
        return space;
    }

    /** The parameter set a point of the cube stands for. */
    public ParameterSet toParameters(double[] unit) {
        if (unit.length != names.length) {
            throw new IllegalArgumentException("point has " + unit.length + " coordinates, space has " + names.length);
        }
        List<Dimension> dims = space.dimensions();
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            double u = Double.isNaN(unit[i]) ? 0.5 : Math.min(1, Math.max(0, unit[i]));
            values[i] = switch (dims.get(i)) {
                case ValueList v -> v.values().get(Math.min(v.values().size() - 1, (int) (u * v.values().size())));
                case Range r when r.type() == RangeType.INT -> Math.rint(r.min() + u * (r.max() - r.min()));
                case Range r -> r.min() + u * (r.max() - r.min());
            };
            if (values[i] == 0.0) {
                values[i] = 0.0; // -0.0 and 0.0 are the same trial
            }
        }
        return ParameterSet.of(List.of(names), values);
    }

    /** The centre of the cell (listed values) or the linear position (ranges) of a parameter set. */
    public double[] toUnit(ParameterSet p) {
        List<Dimension> dims = space.dimensions();
        double[] u = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            double v = p.get(names[i]);
            u[i] = switch (dims.get(i)) {
                case ValueList l -> {
                    int k = l.values().indexOf(v);
                    if (k < 0) {
                        throw new IllegalArgumentException("parameter '" + names[i] + "' = " + v + " is not listed");
                    }
                    yield (k + 0.5) / l.values().size();
                }
                case Range r -> r.max() == r.min() ? 0.5 : (v - r.min()) / (r.max() - r.min());
            };
        }
        return u;
    }

    /**
     * The number of distinct parameter sets the space holds, or {@link Long#MAX_VALUE} when a float range makes it
     * (practically) unbounded. Lets a search stop instead of looking for new points in an exhausted space.
     */
    public long distinctPoints() {
        long count = 1;
        for (Dimension d : space.dimensions()) {
            long k = switch (d) {
                case ValueList v -> v.values().size();
                case Range r when r.type() == RangeType.INT -> (long) (r.max() - r.min()) + 1;
                case Range r -> r.min() == r.max() ? 1 : Long.MAX_VALUE;
            };
            if (k == Long.MAX_VALUE || count > Long.MAX_VALUE / k) {
                return Long.MAX_VALUE;
            }
            count *= k;
        }
        return count;
    }
}
