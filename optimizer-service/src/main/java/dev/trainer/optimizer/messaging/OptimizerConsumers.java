package dev.trainer.optimizer.messaging;

import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.CandleColumns;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.domain.market.CandleEntryCheck;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.optimizer.service.BacktestWorker;
import dev.trainer.optimizer.service.EndedJobs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;
import dev.trainer.optimizer.service.JobCoordinator;
import dev.trainer.optimizer.service.ResultRecorder;
import dev.trainer.support.ProcessedEvents;
import dev.trainer.training.InvalidTrainingRequest;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Everything the optimizer consumes. Each handler records the event id in the same transaction as its effect, so a
 * redelivery changes nothing; outputs are acknowledged by the broker before that transaction commits.
 */
@ApplicationScoped
public class OptimizerConsumers {

    private static final Logger LOG = Logger.getLogger(OptimizerConsumers.class);

    private final JobCoordinator coordinator;
    private final ResultRecorder recorder;
    private final BacktestWorker worker;
    private final OptimizerPublisher publisher;
    private final ProcessedEvents processed;
    private final EndedJobs endedJobs;

    public OptimizerConsumers(JobCoordinator coordinator, ResultRecorder recorder, BacktestWorker worker,
            OptimizerPublisher publisher, ProcessedEvents processed, EndedJobs endedJobs) {
        this.endedJobs = endedJobs;
        this.coordinator = coordinator;
        this.recorder = recorder;
        this.worker = worker;
        this.publisher = publisher;
        this.processed = processed;
    }

    @Incoming("training-requests")
    @Blocking
    @Transactional
    public void onTrainingRequested(TrainingRequested request) {
        InvalidTrainingRequest.refuseIfInvalid(request);
        if (processed.firstDelivery(request.eventId(), "training-requests")) {
            coordinator.register(request);
        }
    }

    @Incoming("training-status")
    @Blocking
    @Transactional
    public void onTrainingStatus(TrainingStatus status) {
        if (!processed.firstDelivery(status.eventId(), "training-status")) {
            return;
        }
        if (status.state().marketFailure() && status.market() != null) {
            coordinator.marketFailed(status.jobId(), status.market(), status.service() + ": " + status.message());
        } else if (status.state() == TrainingStatus.State.MARKET_WARNING && status.market() != null) {
            coordinator.marketWarning(status.jobId(), status.market(), status.service() + ": " + status.message());
        } else if (status.state() == TrainingStatus.State.CONFIG_VALIDATED) {
            coordinator.configurationCreated(status.jobId());
        }
    }

    @Incoming("candles-clean")
    @Blocking
    @Transactional
    public void onCleanCandles(CleanCandlesChunk chunk) {
        requirePossibleCandles(chunk, System.currentTimeMillis());
        if (processed.firstDelivery(chunk.eventId(), "candles-clean")) {
            coordinator.onCleanChunk(chunk);
        }
    }

    /**
     * Throws, naming the candle and the field, when a chunk holds a candle that cannot exist (CandleEntryCheck as seen
     * at {@code nowMs}): the chunk then goes to dlq.candles.clean.optimizer-service instead of into a series to train on.
     */
    static void requirePossibleCandles(CleanCandlesChunk chunk, long nowMs) {
        if (chunk == null || chunk.series() == null || chunk.series().timeframe() == null || chunk.candles() == null) {
            throw new IllegalArgumentException("invalid candles.clean chunk: series (with its timeframe) and candles are required");
        }
        CandleColumns c = chunk.candles();
        if (c.openTimeMs() == null || c.open() == null || c.high() == null || c.low() == null || c.close() == null
                || c.volume() == null) {
            throw new IllegalArgumentException("invalid candles.clean chunk: candles are missing a column");
        }
        c.requireConsistent();
        String impossible = CandleEntryCheck.problem(c.openTimeMs(), c.open(), c.high(), c.low(), c.close(), c.volume(),
                Timeframe.parse(chunk.series().timeframe()), nowMs);
        if (impossible != null) {
            throw new IllegalArgumentException("invalid candles.clean chunk: candles: " + impossible);
        }
    }

    /**
     * The worker role: no state of its own to protect, a redelivered batch is recomputed under the same result id. A
     * batch of a job that has ended (cancelled, failed, stopped) is skipped without a backtest.
     */
    @Incoming("backtest-requests")
    @io.smallrye.reactive.messaging.annotations.Blocking(ordered = false)
    public void onBacktestRequest(BacktestRequest request) {
        if (endedJobs.ended(request.jobId())) {
            return;
        }
        publisher.backtestResults(worker.run(request));
    }

    /**
     * Records a batch in its own transaction. Results that can never be recorded (another version's metrics) go to
     * the dead-letter topic; any other failure is counted against the window and the record acknowledged: the
     * sweeper sends the window's missing trials again, and a window whose recording keeps failing fails its market
     * with the reason instead of holding up its partition or being retried forever.
     */
    @Incoming("backtest-results")
    @Blocking
    public void onBacktestResults(BacktestResults results) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (processed.firstDelivery(results.eventId(), "backtest-results")) {
                    recorder.record(results);
                }
            });
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: recording results %s of window %d of %s failed", results.jobId(), results.eventId(),
                    results.windowIndex(), results.market().key());
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> coordinator.stepFailed(results.jobId(), results.market(),
                    results.windowIndex(), reason));
        }
    }
}
