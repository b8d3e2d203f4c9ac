package dev.trainer.domain.walkforward;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationWindowsTest {

    private static final long DAY = 86_400_000L;

    @Test
    void twelveMonthsOfPlanDefaultsGiveNineWindows() {
        long from = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli();
        long until = Instant.parse("2025-01-01T00:00:00Z").atOffset(ZoneOffset.UTC).plusMonths(12).toInstant().toEpochMilli();
        List<ValidationWindow> windows = ValidationWindows.walkForward(from, until, 90, 7, 30);
        assertEquals(9, windows.size(), "the plan's screen: 12 months give 9 windows");
        for (int i = 0; i < windows.size(); i++) {
            ValidationWindow w = windows.get(i);
            assertEquals(i, w.index());
            assertEquals(90 * DAY, w.trainUntilMs() - w.trainFromMs());
            assertEquals(7 * DAY, w.testFromMs() - w.trainUntilMs(), "the gap opens the test period");
            assertEquals(23 * DAY, w.testUntilMs() - w.testFromMs(), "the test slice is the test period less the gap");
            assertTrue(w.testUntilMs() <= until);
            if (i > 0) {
                assertEquals(windows.get(i - 1).testUntilMs(), w.trainUntilMs(), "each test period starts where the previous one ended");
            }
        }
    }

    @Test
    void aGapAsLongAsTheTestPeriodIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValidationWindows.walkForward(0, 400 * DAY, 90, 30, 30));
    }

    @Test
    void tooShortDataSaysWhatWouldFit() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ValidationWindows.walkForward(0, 7 * DAY, 90, 7, 30));
        assertTrue(e.getMessage().contains("7.0 days"), e.getMessage());
        assertTrue(e.getMessage().contains("train_test_split"), e.getMessage());
    }

    @Test
    void trainTestSplitCutsAtTheRatio() {
        List<ValidationWindow> windows = ValidationWindows.trainTestSplit(1000, 11_000, 0.7);
        assertEquals(1, windows.size());
        assertEquals(8000, windows.get(0).trainUntilMs());
        assertEquals(8000, windows.get(0).testFromMs());
        assertEquals(11_000, windows.get(0).testUntilMs());
        assertThrows(IllegalArgumentException.class, () -> ValidationWindows.trainTestSplit(0, 10, 1.0));
    }
}
