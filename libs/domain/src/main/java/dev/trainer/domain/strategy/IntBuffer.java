package dev.trainer.domain.strategy;

import java.util.Arrays;

/** Minimal growable int array for collecting bar indices. */
final class IntBuffer {
    private static final int[] EMPTY = new int[0];
    private int[] a = new int[16];
    private int n;

    void add(int v) {
        if (n == a.length) {
            a = Arrays.copyOf(a, n * 2);
        }
        a[n++] = v;
    }

    int[] toArray() {
        return n == 0 ? EMPTY : Arrays.copyOf(a, n);
    }
}
