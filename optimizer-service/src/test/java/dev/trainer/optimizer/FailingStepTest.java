package dev.trainer.optimizer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.verify;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import dev.trainer.domain.stats.OverfittingAccumulator;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.service.TrialReplays;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A step that fails every time is retried a bounded number of times, then fails its market and its job with the
 * reason, in the job's view and on training.status, and publishes no outcome. The step here is the market's outcome:
 * the overfitting estimate's replays of the final window's trials throw for this job, always.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class FailingStepTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String INJECTED = "injected failure of the replays";

    @InjectSpy
    TrialReplays replays;

    @Inject
    OptimizerConfig config;

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aStepThatAlwaysFailsFailsItsMarketAndItsJobWithTheReasonAfterBoundedAttempts() throws Exception {
        String jobId = "failing-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "BNB/USD", "1h");
        AtomicInteger attempts = new AtomicInteger();
        doAnswer(invocation -> {
            TrainingRequested request = invocation.getArgument(0);
            if (request.jobId().equals(jobId)) {
                attempts.incrementAndGet();
                throw new IllegalStateException(INJECTED);
            }
            return invocation.callRealMethod();
        }).when(replays).dailyReturnsInto(any(), any(), anyString(), any(WindowState.class), anyList(), any(OverfittingAccumulator.class), anyInt());

        kafka.publish(Topics.TRAINING_REQUESTS, jobId, OptimizerServiceTest.request(jobId, market));
        for (CleanCandlesChunk chunk : OptimizerServiceTest.chunks(jobId, market, OptimizerServiceTest.wave(),
                "fp-" + UUID.randomUUID())) {
            kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunk);
        }

        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then().statusCode(200)
                .body("status", equalTo("failed"))
                .body("errorMessage", containsString(INJECTED))
                .body("errorMessage", containsString("failed " + config.finaliseAttempts() + " times"))
                .body("markets[0].status", equalTo("failed"))
                .body("markets[0].finaliseAttempts", equalTo(config.finaliseAttempts())));
        // each attempt replayed (the train slice has 17 days, enough for the estimate), and no more attempts than allowed
        assertEquals(config.finaliseAttempts(), attempts.get());

        TrainingStatus failed = kafka.read(Topics.TRAINING_STATUS, TrainingStatus.class,
                s -> s.jobId().equals(jobId) && s.state() == TrainingStatus.State.MARKET_FAILED, 1, WAIT, Duration.ZERO).get(0);
        assertEquals("optimizer-service", failed.service());
        assertTrue(failed.message().contains(INJECTED), failed.message());
        // a step that failed publishes nothing: no outcome reached the validator
        List<OptimizationCompleted> outcomes = kafka.read(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class,
                o -> o.jobId().equals(jobId), 1, Duration.ofSeconds(5), Duration.ZERO);
        assertTrue(outcomes.isEmpty(), "outcomes published: " + outcomes.size());
        verify(replays, atLeast(1)).dailyReturnsInto(any(), any(), anyString(), any(WindowState.class), anyList(), any(OverfittingAccumulator.class), anyInt());
    }
}
