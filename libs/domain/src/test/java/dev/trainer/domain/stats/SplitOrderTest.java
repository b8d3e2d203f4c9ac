package dev.trainer.domain.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SplitOrderTest {

    @Test
    void everyHalfOnceLexicographicallyWithItsPlaceInMaskOrder() {
        for (int partitions = 2; partitions <= 16; partitions += 2) {
            SplitOrder order = new SplitOrder(partitions);
            int half = partitions / 2;
            int[] byMask = masksInIncreasingOrder(partitions);
            assertEquals(byMask.length, order.count());
            boolean[] seen = new boolean[order.count()];
            int[] previous = null;
            for (int i = 0; i < order.count(); i++) {
                assertEquals(byMask[order.index[i]], order.masks[i], "S " + partitions + " split " + i);
                seen[order.index[i]] = true;
                int[] blocks = order.blocks(i, new int[half]).clone();
                if (previous != null) {
                    assertTrue(Arrays.compare(previous, blocks) < 0, "lexicographic");
                    int same = 0;
                    while (previous[same] == blocks[same]) {
                        same++;
                    }
                    assertEquals(same, order.changedFrom[i]);
                } else {
                    assertEquals(0, order.changedFrom[i]);
                }
                previous = blocks;
            }
            for (boolean b : seen) {
                assertTrue(b);
            }
        }
        assertEquals(2_704_156, new SplitOrder(24).count());
    }

    private static int[] masksInIncreasingOrder(int partitions) {
        return java.util.stream.IntStream.range(0, 1 << partitions)
                .filter(m -> Integer.bitCount(m) == partitions / 2).toArray();
    }
}
