package dev.trainer.optimizer.service;

import dev.trainer.training.progress.WindowStatus;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.optimizer.mapping.TrialSummary;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.TrialLedger.TrialRow;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import dev.trainer.training.TrainingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * Records workers' results in the trial ledger and moves windows on: when a window's round is complete its search
 * asks the next round, and when the search is over its best trial is tested out of sample; when every window of a
 * market is tested, the market is handed to the {@link MarketFinaliser}, which computes and publishes its outcome
 * outside this transaction. Progress counts the trials the ledger newly recorded, so a redelivered result counts
 * once. A window's winner is replayed in detail when its search ends ({@link TrialReplays}). Every recorded batch
 * lets the job's next batches go ({@link TrialDispatcher}). Everything here is short: a batch is recorded well within
 * a second, so the consumer acknowledges it long before Kafka's poll interval.
 */
@ApplicationScoped
public class ResultRecorder {

    private static final Logger LOG = Logger.getLogger(ResultRecorder.class);

    private final TrialLedger ledger;
    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final WindowStateRepository windows;
    private final SearchPlanner planner;
    private final JobCoordinator coordinator;
    private final OptimizerPublisher publisher;
    private final SearchSessions sessions;
    private final TrialReplays replays;
    private final TrialDispatcher dispatcher;
    private final MarketFinaliser finaliser;
    private final Throughput throughput;

    public ResultRecorder(TrialLedger ledger, TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            SearchPlanner planner, JobCoordinator coordinator, OptimizerPublisher publisher, SearchSessions sessions,
            TrialReplays replays, TrialDispatcher dispatcher, MarketFinaliser finaliser, Throughput throughput) {
        this.dispatcher = dispatcher;
        this.finaliser = finaliser;
        this.throughput = throughput;
        this.sessions = sessions;
        this.replays = replays;
        this.ledger = ledger;
        this.jobs = jobs;
        this.markets = markets;
        this.windows = windows;
        this.planner = planner;
        this.coordinator = coordinator;
        this.publisher = publisher;
    }

    @Transactional(TxType.MANDATORY)
    public void record(BacktestResults results) {
        if (!TrialSummary.NAMES.equals(results.metricNames())) {
            // the ledger stores metric columns by position: a worker of another version must not fill them
            throw new IllegalArgumentException("results " + results.eventId() + " of worker " + results.workerId()
                    + " carry the metrics " + results.metricNames() + "; this optimizer records " + TrialSummary.NAMES);
        }
        TrainingJob job = jobs.lock(results.jobId()).orElse(null);
        if (job == null) {
            LOG.warnf("results %s for unknown job %s ignored", results.eventId(), results.jobId());
            return;
        }
        if (job.finished()) {
            return; // cancelled, failed or past its runtime: its late results cost nothing more
        }
        String marketKey = results.market().key();
        WindowState window = windows.lock(results.jobId(), marketKey, results.windowIndex()).orElseThrow();
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        JobMarket market = markets.findById(new JobMarket.Key(job.id, marketKey));
        if (market == null || market.finished()) {
            return;
        }
        boolean search = TrialLedger.SEARCH.equals(results.purpose());
        IntFunction<double[]> parameters = search ? searchParameters(request, window) : testParameters(job.id, window);
        if (parameters == null) {
            return; // the window has moved past what these results answer: they were recorded before
        }
        TrialLedger.Recorded recorded = ledger.record(window.key, results.purpose(),
                results, parameters);
        if (search) {
            window.recordedTrials += recorded.inserted();
            job.completedCombinations += recorded.inserted() - recorded.failed();
            job.failedCombinations += recorded.failed();
            throughput.recorded(recorded.inserted());
        } else if (results.details() != null) {
            results.details().forEach(d -> ledger.recordDetail(window.key, TrialLedger.TEST, d));
        }
        window.lastProgressAt = Instant.now();
        window.resends = 0;
        if (window.searching() && window.recordedTrials >= window.plannedTrials) {
            endRound(job, request, market, window, results.market());
        } else if (window.status == WindowStatus.TESTING && !search) {
            window.become(WindowStatus.DONE);
            windows.flush();
            List<WindowState> all = windows.forMarket(job.id, marketKey);
            if (all.stream().allMatch(w -> w.status == WindowStatus.DONE)) {
                // the outcome (overfitting estimate, Sharpe variance over the ledger) can take minutes at plan scale:
                // the finaliser computes it after this commit, outside any consumer's transaction
                coordinator.marketFinalising(job.id, marketKey);
                publisher.afterCommit(finaliser::wake);
            }
        }
        dispatcher.topUp(request);
    }

    /** The window's round is recorded whole: its next round, or the search is over and its winner is tested. */
    private void endRound(TrainingJob job, TrainingRequested request, JobMarket market, WindowState window, SeriesRef ref) {
        List<ParameterSet> next;
        try {
            next = sessions.nextRound(request, window);
        } catch (IllegalStateException e) {
            coordinator.marketFailed(job.id, ref, e.getMessage());
            return;
        }
        if (!next.isEmpty()) {
            window.roundStartedTrial = window.plannedTrials;
            window.sentUntilTrial = window.plannedTrials;
            window.plannedTrials += next.size();
            return; // the dispatcher sends it
        }
        if (TrainingRequests.method(request).adaptive()) {
            // the search ended before its budget: the job's total shrinks to what was run
            job.totalCombinations -= request.optimization().iterations() - window.plannedTrials;
        }
        String marketKey = ref.key();
        TrialRow best = ledger.best(window.key, TrialLedger.SEARCH);
        window.become(WindowStatus.TESTING);
        window.bestTrial = best.trialNumber();
        window.bestScore = Double.isFinite(best.score()) ? best.score() : null;
        ParameterSet bestParameters = ParameterSet.of(best.parameters());
        // the search kept only the winner's summary: its full metrics and daily returns are those of a replay (one
        // backtest: milliseconds, so it stays in this transaction)
        BacktestResults detail = replays.replay(request, ref, market.dataFingerprint, window,
                TrialLedger.SEARCH, best.trialNumber(), List.of(bestParameters));
        detail.details().forEach(d -> ledger.recordDetail(window.key, TrialLedger.SEARCH, d));
        planner.requestTest(request, ref, market.dataFingerprint, window, best.trialNumber(), bestParameters);
        if (!windows.anySearching(job.id)) {
            sessions.endPlan(job.id); // about 20 MB for a 201,600-point grid: not kept past the last window's search
        }
    }

    /** The parameter values of the trials of the window's current round, in the window's parameter order. */
    private IntFunction<double[]> searchParameters(TrainingRequested request, WindowState window) {
        if (!window.searching()) {
            return null;
        }
        List<ParameterSet> round = sessions.currentRound(request, window);
        int start = window.roundStartedTrial;
        String[] names = window.parameterNames;
        return n -> n < start || n >= start + round.size() ? null : values(round.get(n - start), names);
    }

    /** The winner's parameter values for its out-of-sample test. */
    private IntFunction<double[]> testParameters(String jobId, WindowState window) {
        if (window.bestTrial == null) {
            return null;
        }
        int bestTrial = window.bestTrial;
        double[] best = values(ParameterSet.of(ledger.get(window.key, TrialLedger.SEARCH, bestTrial).parameters()), window.parameterNames);
        return n -> n == bestTrial ? best : null;
    }

    private static double[] values(ParameterSet set, String[] names) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = set.get(names[i]);
        }
        return values;
    }

}
