package dev.trainer.domain.stats;

/**
 * The C(S, S/2) in-sample halves of CSCV in lexicographic order of their block lists ({0,1,…}, then {0,1,…,S/2 − 2,
 * S/2}, …), so that neighbours share their lowest blocks and the partial sums over those blocks can be kept from one
 * half to the next: the in-sample sum adds the blocks in increasing order, so a shared prefix of blocks is a shared
 * prefix of additions.
 *
 * <p>Each half also carries its index in the order the matrix form walked the splits (increasing bit masks,
 * Gosper's hack), under which the results are stored and the logits summed, so that the sum is the same to the bit.
 */
final class SplitOrder {

    final int partitions;
    final int half;
    /** The in-sample blocks of each split as bits, in lexicographic order. */
    final int[] masks;
    /** The first position (0-based, among the sorted blocks) at which a split's blocks differ from the previous one's. */
    final byte[] changedFrom;
    /** The split's index in increasing-mask order. */
    final int[] index;

    SplitOrder(int partitions) {
        this.partitions = partitions;
        this.half = partitions / 2;
        int count = (int) binomial(partitions, half);
        this.masks = new int[count];
        this.changedFrom = new byte[count];
        this.index = new int[count];
        int[] blocks = new int[half];
        for (int k = 0; k < half; k++) {
            blocks[k] = k;
        }
        int[] previous = new int[half];
        for (int i = 0; i < count; i++) {
            int mask = 0;
            int rank = 0;
            for (int k = 0; k < half; k++) {
                mask |= 1 << blocks[k];
                rank += (int) binomial(blocks[k], k + 1); // the colexicographic rank: the mask's place among masks
            }
            masks[i] = mask;
            index[i] = rank;
            int changed = 0;
            while (i > 0 && changed < half && previous[changed] == blocks[changed]) {
                changed++;
            }
            changedFrom[i] = (byte) changed;
            System.arraycopy(blocks, 0, previous, 0, half);
            next(blocks, partitions);
        }
    }

    /** The blocks of split {@code i}, ascending, into {@code blocks}. */
    int[] blocks(int i, int[] blocks) {
        int k = 0;
        for (int bits = masks[i]; bits != 0; bits &= bits - 1) {
            blocks[k++] = Integer.numberOfTrailingZeros(bits);
        }
        return blocks;
    }

    int count() {
        return masks.length;
    }

    /** The next combination in lexicographic order (the last one wraps to garbage, never read). */
    private static void next(int[] blocks, int n) {
        int k = blocks.length - 1;
        while (k >= 0 && blocks[k] == n - blocks.length + k) {
            k--;
        }
        if (k < 0) {
            return;
        }
        blocks[k]++;
        for (int i = k + 1; i < blocks.length; i++) {
            blocks[i] = blocks[i - 1] + 1;
        }
    }

    static long binomial(int n, int k) {
        if (k < 0 || k > n) {
            return 0;
        }
        long c = 1;
        for (int i = 0; i < k; i++) {
            c = c * (n - i) / (i + 1);
        }
        return c;
    }
}
