package dev.trainer.training.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The job -> market -> window progression, without Quarkus: which moves exist, which do not, what is stored. */
class ProgressionTest {

    @Test
    void aMarketGoesThroughItsStatesInOrderAndCanFailFromAnyUnfinishedOne() {
        MarketStatus s = MarketStatus.WAITING;
        for (MarketStatus next : List.of(MarketStatus.OPTIMIZING, MarketStatus.FINALISING, MarketStatus.COMPLETED)) {
            s = s.mustBecome(next);
        }
        assertTrue(s.finished());
        for (MarketStatus unfinished : EnumSet.of(MarketStatus.WAITING, MarketStatus.OPTIMIZING, MarketStatus.FINALISING)) {
            assertFalse(unfinished.finished());
            assertEquals(MarketStatus.FAILED, unfinished.mustBecome(MarketStatus.FAILED));
        }
    }

    @Test
    void noStateIsSkippedOrLeftOnceFinished() {
        IllegalStateException skip = assertThrows(IllegalStateException.class,
                () -> MarketStatus.OPTIMIZING.mustBecome(MarketStatus.COMPLETED));
        assertTrue(skip.getMessage().contains("OPTIMIZING cannot become COMPLETED"), skip.getMessage());
        assertThrows(IllegalStateException.class, () -> MarketStatus.COMPLETED.mustBecome(MarketStatus.FAILED));
        assertThrows(IllegalStateException.class, () -> WindowStatus.SEARCHING.mustBecome(WindowStatus.DONE));
        assertThrows(IllegalStateException.class, () -> WindowStatus.DONE.mustBecome(WindowStatus.SEARCHING));
        assertThrows(IllegalStateException.class, () -> JobStatus.CANCELLED.mustBecome(JobStatus.RUNNING));
        assertThrows(IllegalStateException.class, () -> JobStatus.RUNNING.mustBecome(JobStatus.PENDING));
    }

    @Test
    void aJobEndsCompletedFailedOrCancelledFromPendingOrRunning() {
        for (JobStatus open : EnumSet.of(JobStatus.PENDING, JobStatus.RUNNING)) {
            for (JobStatus end : EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)) {
                assertEquals(end, open.mustBecome(end));
                assertTrue(end.finished());
            }
        }
        assertEquals(EnumSet.of(JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED),
                EnumSet.copyOf(EnumSet.allOf(JobStatus.class).stream().filter(JobStatus::finished).toList()));
    }

    @Test
    void statesAreStoredAsThePlansLowerCaseValues() {
        assertEquals("finalising", MarketStatus.FINALISING.dbValue());
        assertEquals("pending", JobStatus.PENDING.dbValue());
        assertEquals(WindowStatus.TESTING, Progression.fromDb(WindowStatus.class, "testing"));
        assertThrows(IllegalArgumentException.class, () -> Progression.fromDb(JobStatus.class, "RUNNING"));
    }
}
