package dev.trainer.domain.strategy;

import java.util.Arrays;

/** Entry bars in increasing order with their sides and the ATR at each bar (for ATR-multiple brackets). */
record EntryList(int[] bars, byte[] sides, double[] atr) {

    static final class Builder {
        private int[] bars = new int[32];
        private byte[] sides = new byte[32];
        private double[] atr = new double[32];
        private int size;

        /** Adds an entry; a bar equal to the previous one is ignored (one decision per close). */
        void add(int bar, byte side, double atrAtBar) {
            if (size > 0 && bars[size - 1] >= bar) {
                if (bars[size - 1] == bar) {
                    return;
                }
                throw new IllegalArgumentException("entries must be added in bar order");
            }
            if (size == bars.length) {
                bars = Arrays.copyOf(bars, size * 2);
                sides = Arrays.copyOf(sides, size * 2);
                atr = Arrays.copyOf(atr, size * 2);
            }
            bars[size] = bar;
            sides[size] = side;
            atr[size] = atrAtBar;
            size++;
        }

        EntryList build() {
            return new EntryList(Arrays.copyOf(bars, size), Arrays.copyOf(sides, size), Arrays.copyOf(atr, size));
        }
    }
}
