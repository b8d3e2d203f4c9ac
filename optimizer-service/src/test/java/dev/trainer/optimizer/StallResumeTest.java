package dev.trainer.optimizer;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.devinfra.InfraTestResource;
import dev.trainer.devinfra.TestKafka;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.optimize.SearchRun;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.service.SearchSessions;
import dev.trainer.optimizer.service.StallSweeper;
import dev.trainer.training.TrainingRequests;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The crash the optimizer must survive: a round's backtest requests planned and committed but never sent (the process
 * died between the commit and the send). A spy on the publisher loses them; the in-memory search is dropped as a
 * restart would; the sweeper then finds the stalled window, rebuilds its Bayesian search from the ledger and sends
 * the missing trials again. The job must end with exactly its trials and the offline search's answer.
 */
@QuarkusTest
@WithTestResource(InfraTestResource.class)
class StallResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @InjectSpy
    OptimizerPublisher publisher;

    @Inject
    StallSweeper sweeper;

    @Inject
    SearchSessions sessions;

    @Inject
    OptimizerConfig config;

    private final TestKafka kafka = new TestKafka(
            ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));

    @Test
    void aRoundLostBetweenCommitAndSendIsSentAgainFromTheLedgerAndTheJobEndsAsIfNothingHappened() throws Exception {
        String jobId = "lost-" + UUID.randomUUID();
        SeriesRef market = new SeriesRef("synthetic", "DOT/USD", "1h");
        AtomicBoolean losing = new AtomicBoolean(true);
        AtomicInteger lost = new AtomicInteger();
        doAnswer(invocation -> {
            BacktestRequest r = invocation.getArgument(0);
            // the first round (trials 0-7) goes out; the second round is lost
            if (losing.get() && r.jobId().equals(jobId) && r.firstTrial() >= 8) {
                lost.incrementAndGet();
                return null;
            }
            return invocation.callRealMethod();
        }).when(publisher).backtestRequestNow(any());

        TrainingRequested request = OptimizerServiceTest.bayesianRequest(jobId, market);
        CandleColumns candles = OptimizerServiceTest.wave();
        kafka.publish(Topics.TRAINING_REQUESTS, jobId, request);
        for (CleanCandlesChunk chunk : OptimizerServiceTest.chunks(jobId, market, candles, "fp-" + UUID.randomUUID())) {
            kafka.publish(Topics.CANDLES_CLEAN, market.key(), chunk);
        }
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId + "/results").then()
                .statusCode(200)
                .body("markets[0].windows[0].recordedTrials", equalTo(8))
                .body("markets[0].windows[0].plannedTrials", equalTo(16)));
        assertTrue(lost.get() >= 1, "the second round was planned and lost");
        Thread.sleep(1000);
        given().when().get("/api/training/jobs/" + jobId + "/results").then()
                .body("markets[0].windows[0].recordedTrials", equalTo(8)); // stalled: nothing comes

        losing.set(false);
        sessions.end(new WindowState.Key(jobId, market.key(), 0)); // as after a restart: only the ledger is left
        assertEquals(0, sweeper.sweep(Instant.now()), "not stalled for long enough yet");
        assertTrue(sweeper.sweep(Instant.now().plus(config.resendAfter()).plusSeconds(1)) >= 1);

        OptimizationCompleted done = kafka.read(Topics.OPTIMIZATION_RESULTS, OptimizationCompleted.class,
                o -> o.jobId().equals(jobId), 1, WAIT, Duration.ZERO).get(0);
        assertEquals(24, done.trialsEvaluated());
        OptimizationCompleted.Window window = done.windows().get(0);
        CandleSeries train = CandleSeries.ofColumns(Timeframe.H1, candles.openTimeMs(), candles.open(), candles.high(),
                candles.low(), candles.close(), candles.volume())
                .between(window.trainFrom().toEpochMilli(), window.trainUntil().toEpochMilli());
        TradingStrategy sma = StrategyCatalog.get("SMA_CROSSOVER");
        SearchRun.Outcome offline = SearchRun.run(TrainingRequests.search(request), sma.prepare(train), sma,
                BacktestSettings.defaults().withFeePerSide(0.001).withSlippagePerSide(0.0005), Objective.NET_PROFIT, 1, 1,
                n -> { });
        assertEquals(offline.bestParameters().asMap(), window.bestParameters());
        assertEquals(offline.bestScore(), window.bestScore(), 0.0);
        await().atMost(WAIT).untilAsserted(() -> given().when().get("/api/training/jobs/" + jobId).then()
                .body("status", equalTo("completed"))
                .body("completedCombinations", equalTo(24))
                .body("totalCombinations", equalTo(24)));
    }
}
