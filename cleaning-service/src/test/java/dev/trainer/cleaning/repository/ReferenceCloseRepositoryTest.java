package dev.trainer.cleaning.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.trainer.domain.quality.CloseSeries;
import org.junit.jupiter.api.Test;

class ReferenceCloseRepositoryTest {

    @Test
    void closesGoInAndOutBitForBit() {
        CloseSeries closes = new CloseSeries(new long[] {-60_000, 0, 1_761_436_800_000L},
                new double[] {Double.MIN_VALUE, 0.1 + 0.2, 192.86});
        byte[] bytes = ReferenceCloseRepository.encode(closes);
        assertEquals(48, bytes.length);
        assertEquals(closes, ReferenceCloseRepository.decode(bytes));
        assertArrayEquals(new byte[0], ReferenceCloseRepository.encode(CloseSeries.EMPTY));
        assertEquals(CloseSeries.EMPTY, ReferenceCloseRepository.decode(new byte[0]));
    }

    @Test
    void aPayloadOfTheWrongLengthIsRefused() {
        assertThrows(IllegalStateException.class, () -> ReferenceCloseRepository.decode(new byte[17]));
    }
}
