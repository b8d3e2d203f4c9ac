package dev.trainer.domain.strategy;

import java.util.Arrays;

/**
 * What a strategy decided for one parameter set over one series, as sparse sorted lists of bar indices.
 *
 * <p>Every index is a bar at whose CLOSE the decision is taken, using only data up to and including that bar; the
 * backtester fills it at the next bar's open. Storing decisions sparsely (instead of asking the strategy bar by bar)
 * lets the backtester jump from one signal to the next, which is what makes grids of 10^5 backtests cheap.
 *
 * <ul>
 *   <li>entries: strictly increasing bars, each with a side ({@link #LONG} or {@link #SHORT}) and optional stop and
 *   target distances in price units measured from the fill price's bar open ({@code NaN} = none);</li>
 *   <li>long exits / short exits: bars at whose close an open position of that side is closed. They do not depend
 *   on the position (the backtester uses the first one at or after the entry's fill bar).</li>
 * </ul>
 */
public final class SignalSet {

    public static final byte LONG = 1;
    public static final byte SHORT = -1;

    private static final int[] NO_BARS = new int[0];
    public static final SignalSet EMPTY = new SignalSet(NO_BARS, new byte[0], new double[0], new double[0], NO_BARS,
            NO_BARS);

    private final int[] entryBars;
    private final byte[] entrySides;
    private final double[] stopDistances;
    private final double[] targetDistances;
    private final int[] longExitBars;
    private final int[] shortExitBars;

    private SignalSet(int[] entryBars, byte[] entrySides, double[] stopDistances, double[] targetDistances,
            int[] longExitBars, int[] shortExitBars) {
        this.entryBars = entryBars;
        this.entrySides = entrySides;
        this.stopDistances = stopDistances;
        this.targetDistances = targetDistances;
        this.longExitBars = longExitBars;
        this.shortExitBars = shortExitBars;
    }

    /**
     * Wraps the arrays without copying (they must not be modified afterwards). Validates sortedness, sides and
     * distances.
     */
    public static SignalSet of(int[] entryBars, byte[] entrySides, double[] stopDistances, double[] targetDistances,
            int[] longExitBars, int[] shortExitBars) {
        int m = entryBars.length;
        if (entrySides.length != m || stopDistances.length != m || targetDistances.length != m) {
            throw new IllegalArgumentException("entry arrays differ in length");
        }
        for (int i = 0; i < m; i++) {
            if (entryBars[i] < 0 || (i > 0 && entryBars[i] <= entryBars[i - 1])) {
                throw new IllegalArgumentException("entry bars must be strictly increasing and >= 0, index " + i);
            }
            if (entrySides[i] != LONG && entrySides[i] != SHORT) {
                throw new IllegalArgumentException("entry side must be LONG or SHORT, index " + i);
            }
            if (stopDistances[i] <= 0 || targetDistances[i] <= 0) {
                throw new IllegalArgumentException("stop and target distances must be > 0 or NaN, index " + i);
            }
        }
        requireIncreasing(longExitBars, "long exit");
        requireIncreasing(shortExitBars, "short exit");
        return new SignalSet(entryBars, entrySides, stopDistances, targetDistances, longExitBars, shortExitBars);
    }

    /** Entries without stops or targets. */
    public static SignalSet withoutStops(int[] entryBars, byte[] entrySides, int[] longExitBars, int[] shortExitBars) {
        double[] none = new double[entryBars.length];
        Arrays.fill(none, Double.NaN);
        return of(entryBars, entrySides, none, none.clone(), longExitBars, shortExitBars);
    }

    private static void requireIncreasing(int[] bars, String what) {
        for (int i = 0; i < bars.length; i++) {
            if (bars[i] < 0 || (i > 0 && bars[i] <= bars[i - 1])) {
                throw new IllegalArgumentException(what + " bars must be strictly increasing and >= 0, index " + i);
            }
        }
    }

    public int entryCount() {
        return entryBars.length;
    }

    public int entryBar(int k) {
        return entryBars[k];
    }

    public byte entrySide(int k) {
        return entrySides[k];
    }

    public double stopDistance(int k) {
        return stopDistances[k];
    }

    public double targetDistance(int k) {
        return targetDistances[k];
    }

    // Array access for the backtest loop; never modify.
    public int[] entryBarArray() {
        return entryBars;
    }

    public byte[] entrySideArray() {
        return entrySides;
    }

    public double[] stopDistanceArray() {
        return stopDistances;
    }

    public double[] targetDistanceArray() {
        return targetDistances;
    }

    public int[] longExitBarArray() {
        return longExitBars;
    }

    public int[] shortExitBarArray() {
        return shortExitBars;
    }

    /** The decisions taken at bars &lt;= lastBar: what a live run that had only seen those bars would have decided. */
    public SignalSet upTo(int lastBar) {
        int m = countUpTo(entryBars, lastBar);
        return new SignalSet(Arrays.copyOf(entryBars, m), Arrays.copyOf(entrySides, m),
                Arrays.copyOf(stopDistances, m), Arrays.copyOf(targetDistances, m),
                Arrays.copyOf(longExitBars, countUpTo(longExitBars, lastBar)),
                Arrays.copyOf(shortExitBars, countUpTo(shortExitBars, lastBar)));
    }

    private static int countUpTo(int[] bars, int lastBar) {
        int i = Arrays.binarySearch(bars, lastBar);
        return i >= 0 ? i + 1 : -i - 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignalSet s && Arrays.equals(entryBars, s.entryBars)
                && Arrays.equals(entrySides, s.entrySides) && Arrays.equals(stopDistances, s.stopDistances)
                && Arrays.equals(targetDistances, s.targetDistances) && Arrays.equals(longExitBars, s.longExitBars)
                && Arrays.equals(shortExitBars, s.shortExitBars);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(entryBars) * 31 + Arrays.hashCode(longExitBars) * 17 + Arrays.hashCode(shortExitBars);
    }

    @Override
    public String toString() {
        return "SignalSet[entries=" + Arrays.toString(entryBars) + ", sides=" + Arrays.toString(entrySides)
                + ", longExits=" + Arrays.toString(longExitBars) + ", shortExits=" + Arrays.toString(shortExitBars)
                + "]";
    }

    /** Collects entries and exits in bar order. */
    public static final class Builder {
        private int[] bars = new int[16];
        private byte[] sides = new byte[16];
        private double[] stops = new double[16];
        private double[] targets = new double[16];
        private int size;
        private final IntBuffer longExits = new IntBuffer();
        private final IntBuffer shortExits = new IntBuffer();

        /** Adds an entry at a bar later than every entry added so far. NaN distances mean none. */
        public Builder entry(int bar, byte side, double stopDistance, double targetDistance) {
            if (size == bars.length) {
                int cap = size * 2;
                bars = Arrays.copyOf(bars, cap);
                sides = Arrays.copyOf(sides, cap);
                stops = Arrays.copyOf(stops, cap);
                targets = Arrays.copyOf(targets, cap);
            }
            bars[size] = bar;
            sides[size] = side;
            stops[size] = stopDistance;
            targets[size] = targetDistance;
            size++;
            return this;
        }

        public Builder longExit(int bar) {
            longExits.add(bar);
            return this;
        }

        public Builder shortExit(int bar) {
            shortExits.add(bar);
            return this;
        }

        public SignalSet build() {
            return of(Arrays.copyOf(bars, size), Arrays.copyOf(sides, size), Arrays.copyOf(stops, size),
                    Arrays.copyOf(targets, size), longExits.toArray(), shortExits.toArray());
        }
    }
}
