package dev.trainer.optimizer.messaging;

import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class OptimizerPublisher {

    private final MutinyEmitter<TrainingRequested> trainingRequests;
    private final MutinyEmitter<BacktestRequest> backtestRequests;
    private final MutinyEmitter<BacktestResults> backtestResults;
    private final MutinyEmitter<OptimizationCompleted> optimizationResults;
    private final MutinyEmitter<TrainingStatus> status;

    public OptimizerPublisher(@Channel("training-requests-out") MutinyEmitter<TrainingRequested> trainingRequests,
            @Channel("backtest-requests-out") MutinyEmitter<BacktestRequest> backtestRequests,
            @Channel("backtest-results-out") MutinyEmitter<BacktestResults> backtestResults,
            @Channel("optimization-results") MutinyEmitter<OptimizationCompleted> optimizationResults,
            @Channel("training-status-out") MutinyEmitter<TrainingStatus> status) {
        this.trainingRequests = trainingRequests;
        this.backtestRequests = backtestRequests;
        this.backtestResults = backtestResults;
        this.optimizationResults = optimizationResults;
        this.status = status;
    }

    public void trainingRequest(TrainingRequested request) {
        KeyedMessages.sendAndAwait(trainingRequests, request.jobId(), request);
    }

    public void backtestRequest(BacktestRequest request) {
        KeyedMessages.sendAndAwait(backtestRequests,
                request.jobId() + "|" + request.market().key() + "|" + request.windowIndex(), request);
    }

    public void backtestResults(BacktestResults results) {
        KeyedMessages.sendAndAwait(backtestResults, results.jobId(), results);
    }

    public void optimizationCompleted(OptimizationCompleted event) {
        KeyedMessages.sendAndAwait(optimizationResults, event.jobId(), event);
    }

    public void status(TrainingStatus event) {
        KeyedMessages.sendAndAwait(status, event.jobId(), event);
    }
}
