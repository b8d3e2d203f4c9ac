package dev.trainer.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StartupWarmUpTest {

    private volatile long warmUpStarted;

    @Test
    void aZeroBudgetIsDoneAtOnceWithoutRunningAPass() {
        AtomicInteger runs = new AtomicInteger();
        StartupWarmUp warmUp = new StartupWarmUp("test", Duration.ZERO);
        warmUp.start(runs::incrementAndGet);
        assertTrue(warmUp.done());
        assertEquals(0, runs.get());
    }

    @Test
    void notDoneWhileTheFirstPassRunsEvenPastTheBudget() throws InterruptedException {
        CountDownLatch pastBudget = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Duration budget = Duration.ofMillis(20);
        warmUpStarted = System.nanoTime();
        StartupWarmUp warmUp = new StartupWarmUp("test", budget);
        warmUp.start(() -> {
            // a pass that outlives the budget by construction, as a first pass on a loaded machine does
            while (System.nanoTime() - warmUpStarted < 3 * budget.toNanos()) {
                Thread.onSpinWait();
            }
            pastBudget.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertTrue(pastBudget.await(10, TimeUnit.SECONDS));
        assertFalse(warmUp.done(), "readiness must wait for the first pass, whatever the budget");
        release.countDown();
        awaitDone(warmUp);
        assertEquals(1, warmUp.passes());
    }

    @Test
    void aFailingPassEndsTheWarmUpWithoutThrowing() throws InterruptedException {
        StartupWarmUp warmUp = new StartupWarmUp("test", Duration.ofSeconds(30));
        warmUp.start(() -> {
            throw new IllegalStateException("broken on purpose");
        });
        awaitDone(warmUp);
        assertEquals(0, warmUp.passes());
    }

    @Test
    void aRoundTripGivesTheEventBackAsAConsumerReadsIt() {
        TrainingStatus status = new TrainingStatus("e", TrainingStatus.SCHEMA_VERSION, Instant.EPOCH, "job", "test",
                new SeriesRef("x", "A/B", "1m"), TrainingStatus.State.MARKET_LOADED, "loaded", Map.of("candle_count", 3));
        assertEquals(status, StartupWarmUp.roundTrip(Topics.TRAINING_STATUS, status));
    }

    /** Polls the warm-up's own flag until it is set or 10 s pass: the pass ends on another thread. */
    private static void awaitDone(StartupWarmUp warmUp) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!warmUp.done() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(warmUp.done());
    }
}
