package dev.trainer.optimizer.messaging;

import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.support.KeyedMessages;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eclipse.microprofile.reactive.messaging.Channel;

@ApplicationScoped
public class OptimizerPublisher {

    private final MutinyEmitter<TrainingRequested> trainingRequests;
    private final MutinyEmitter<BacktestRequest> backtestRequests;
    private final MutinyEmitter<BacktestResults> backtestResults;
    private final MutinyEmitter<OptimizationCompleted> optimizationResults;
    private final MutinyEmitter<TrainingStatus> status;
    private final TransactionSynchronizationRegistry transactions;

    public OptimizerPublisher(@Channel("training-requests-out") MutinyEmitter<TrainingRequested> trainingRequests,
            @Channel("backtest-requests-out") MutinyEmitter<BacktestRequest> backtestRequests,
            @Channel("backtest-results-out") MutinyEmitter<BacktestResults> backtestResults,
            @Channel("optimization-results") MutinyEmitter<OptimizationCompleted> optimizationResults,
            @Channel("training-status-out") MutinyEmitter<TrainingStatus> status,
            TransactionSynchronizationRegistry transactions) {
        this.trainingRequests = trainingRequests;
        this.backtestRequests = backtestRequests;
        this.backtestResults = backtestResults;
        this.optimizationResults = optimizationResults;
        this.status = status;
        this.transactions = transactions;
    }

    public void trainingRequest(TrainingRequested request) {
        KeyedMessages.sendAndAwait(trainingRequests, request.jobId(), request);
    }

    /**
     * Sends one batch now, keyed by batch, not by window: a window's batches then spread over the partitions, hence
     * over the workers. Callers in a transaction send from {@link #afterCommit}.
     */
    public void backtestRequestNow(BacktestRequest request) {
        KeyedMessages.sendAndAwait(backtestRequests, request.jobId() + "|" + request.batchId(), request);
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

    /**
     * Runs {@code send} once the current transaction has committed (at once outside one), and not at all if it rolls
     * back. Backtest requests go out this way: a worker's answer can come back within milliseconds, and the job and
     * windows that asked for it must be visible to the consumer of backtest.results by then. A crash between the
     * commit and the send leaves a window waiting; the StallSweeper sends its missing trials again.
     */
    public void afterCommit(Runnable send) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            send.run();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send.run();
                }
            }
        });
    }
}
