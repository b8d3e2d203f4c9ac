package dev.trainer.optimizer.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.stats.BacktestOverfitting;
import dev.trainer.domain.stats.CscvMetric;
import dev.trainer.domain.stats.OverfittingEstimate;
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
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.jboss.logging.Logger;

/**
 * Records workers' results in the trial ledger and moves windows on: when a window's round is complete its search
 * asks the next round, and when the search is over its best trial is tested out of sample; when every window of a market is tested, the market's outcome goes to the
 * validator on optimization.results. Progress counts the trials the ledger newly recorded, so a redelivered result
 * counts once. A window's winner is replayed in detail when its search ends ({@link TrialReplays}).
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

    public ResultRecorder(TrialLedger ledger, TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            SearchPlanner planner, JobCoordinator coordinator, OptimizerPublisher publisher, SearchSessions sessions,
            TrialReplays replays) {
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
            return;
        }
        String marketKey = results.market().key();
        WindowState window = windows.lock(results.jobId(), marketKey, results.windowIndex()).orElseThrow();
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        JobMarket market = markets.findById(new JobMarket.Key(job.id, marketKey));
        boolean search = TrialLedger.SEARCH.equals(results.purpose());
        IntFunction<double[]> parameters = search ? searchParameters(request, window) : testParameters(job.id, window);
        if (parameters == null) {
            return; // the window has moved past what these results answer: they were recorded before
        }
        TrialLedger.Recorded recorded = ledger.record(results.jobId(), marketKey, results.windowIndex(), results.purpose(),
                results, parameters);
        if (search) {
            window.recordedTrials += recorded.inserted();
            job.completedCombinations += recorded.inserted() - recorded.failed();
            job.failedCombinations += recorded.failed();
        } else if (results.details() != null) {
            results.details().forEach(d -> ledger.recordDetail(job.id, marketKey, results.windowIndex(), TrialLedger.TEST, d));
        }
        window.lastProgressAt = Instant.now();
        if (window.searching() && window.recordedTrials >= window.plannedTrials) {
            List<ParameterSet> next;
            try {
                next = sessions.nextRound(request, window);
            } catch (IllegalStateException e) {
                coordinator.marketFailed(job.id, results.market(), e.getMessage());
                return;
            }
            if (!next.isEmpty()) {
                window.roundStartedTrial = window.plannedTrials;
                window.plannedTrials += next.size();
                planner.sendRound(request, results.market(), market.dataFingerprint, window, next, null);
                return;
            }
            if (TrainingRequests.method(request).adaptive()) {
                // the search ended before its budget: the job's total shrinks to what was run
                job.totalCombinations -= request.optimization().iterations() - window.plannedTrials;
            }
            TrialRow best = ledger.best(job.id, marketKey, window.key.windowIndex, TrialLedger.SEARCH);
            window.status = WindowState.TESTING;
            window.bestTrial = best.trialNumber();
            window.bestScore = Double.isFinite(best.score()) ? best.score() : null;
            ParameterSet bestParameters = ParameterSet.of(best.parameters());
            // the search kept only the winner's summary: its full metrics and daily returns are those of a replay
            BacktestResults detail = replays.replay(request, results.market(), market.dataFingerprint, window,
                    TrialLedger.SEARCH, best.trialNumber(), List.of(bestParameters));
            detail.details().forEach(d -> ledger.recordDetail(job.id, marketKey, window.key.windowIndex, TrialLedger.SEARCH, d));
            planner.requestTest(request, results.market(), market.dataFingerprint, window, best.trialNumber(), bestParameters);
            if (!windows.anySearching(job.id)) {
                sessions.endPlan(job.id); // about 20 MB for a 201,600-point grid: not kept past the last window's search
            }
        } else if (WindowState.TESTING.equals(window.status) && !search) {
            window.status = WindowState.DONE;
            windows.flush();
            List<WindowState> all = windows.forMarket(job.id, marketKey);
            if (all.stream().allMatch(w -> WindowState.DONE.equals(w.status)) && !market.finished()) {
                OptimizationCompleted outcome = outcome(job, request, results.market(), market, all);
                publisher.optimizationCompleted(outcome);
                OptimizationCompleted.Window last = outcome.windows().get(outcome.windows().size() - 1);
                coordinator.marketCompleted(job.id, marketKey, number(last.outOfSampleMetrics().get("net_profit_fraction")));
            }
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
        double[] best = values(ParameterSet.of(ledger.get(jobId, window.key.marketKey, window.key.windowIndex,
                TrialLedger.SEARCH, bestTrial).parameters()), window.parameterNames);
        return n -> n == bestTrial ? best : null;
    }

    private static double[] values(ParameterSet set, String[] names) {
        double[] values = new double[names.length];
        for (int i = 0; i < names.length; i++) {
            values[i] = set.get(names[i]);
        }
        return values;
    }

    private OptimizationCompleted outcome(TrainingJob job, TrainingRequested request, SeriesRef ref, JobMarket market,
            List<WindowState> all) {
        List<OptimizationCompleted.Window> out = new ArrayList<>();
        TrialRow finalInSample = null;
        int searched = 0;
        for (WindowState w : all) {
            TrialRow inSample = ledger.detail(job.id, ref.key(), w.key.windowIndex, TrialLedger.SEARCH, w.bestTrial);
            TrialRow outOfSample = ledger.detail(job.id, ref.key(), w.key.windowIndex, TrialLedger.TEST, w.bestTrial);
            out.add(new OptimizationCompleted.Window(w.key.windowIndex, Instant.ofEpochMilli(w.trainFromMs),
                    Instant.ofEpochMilli(w.trainUntilMs), Instant.ofEpochMilli(w.testFromMs), Instant.ofEpochMilli(w.testUntilMs),
                    inSample.parameters(), w.bestScore == null ? Double.NaN : w.bestScore, orEmpty(inSample.metrics()),
                    orEmpty(inSample.dailyReturns()), orEmpty(outOfSample.metrics()), orEmpty(outOfSample.dailyReturns()), orEmpty(outOfSample.tradeReturns())));
            finalInSample = inSample;
            searched += w.recordedTrials;
        }
        TrainingRequested.Optimization o = request.optimization();
        return new OptimizationCompleted(EventTypes.deterministicId(job.id, ref.key(), "optimization-completed"),
                OptimizationCompleted.SCHEMA_VERSION, Instant.now(), job.id, job.userId, ref, request.strategy(), o.method(),
                o.objective() == null ? "net_profit" : o.objective(), o.seed(), market.dataFingerprint,
                market.qualityScoreFraction == null ? 0 : market.qualityScoreFraction,
                request.validation() == null ? "train_test_split" : request.validation().method(), searched,
                ledger.sharpeVariancePerDay(job.id, ref.key()),
                overfitting(request, ref, market, all.get(all.size() - 1), orEmpty(finalInSample.dailyReturns()).length),
                // the most recent window's winner is the configuration to trade: it saw the newest data
                out.get(out.size() - 1).bestParameters(), out);
    }

    /**
     * The probability of backtest overfitting over the final window's trials: one column of daily returns per trial
     * (failed trials left out), 16 partitions, ranked by per-day Sharpe ratio. The daily returns are replayed only
     * when they can matter: with fewer days than partitions, or fewer than two trials, the estimate is undefined
     * whatever they are, and the domain gives its reason from a stand-in of the same shape. Otherwise the trials are
     * read from the ledger a page at a time and replayed into the matrix column by column.
     */
    private OptimizationCompleted.Overfitting overfitting(TrainingRequested request, SeriesRef ref, JobMarket market,
            WindowState last, int days) {
        int partitions = BacktestOverfitting.DEFAULT_PARTITIONS;
        int trials = (int) ledger.succeeded(last.key.jobId, ref.key(), last.key.windowIndex);
        if (trials < 2 || days < partitions) {
            return overfitting(BacktestOverfitting.estimate(new double[days][Math.min(trials, 2)], partitions, CscvMetric.SHARPE),
                    partitions, trials, days);
        }
        ReturnsByPeriod matrix = new ReturnsByPeriod(days, trials);
        List<String> names = List.of(last.parameterNames);
        int column = 0;
        for (int after = -1; ; ) {
            List<TrialLedger.Parameters> page = ledger.succeededParameters(last.key.jobId, ref.key(), last.key.windowIndex,
                    after, PBO_PAGE);
            if (page.isEmpty() || column + page.size() > trials) {
                break;
            }
            List<ParameterSet> sets = page.stream().map(p -> ParameterSet.of(names, p.values())).toList();
            if (!replays.dailyReturnsInto(request, ref, market.dataFingerprint, last, sets, matrix, column)) {
                return new OptimizationCompleted.Overfitting(null, "the trials' daily returns differ in length", partitions,
                        trials, days);
            }
            column += page.size();
            after = page.get(page.size() - 1).trialNumber();
        }
        return overfitting(BacktestOverfitting.estimate(matrix.rows(), partitions, CscvMetric.SHARPE), partitions, trials, days);
    }

    private static final int PBO_PAGE = 8192;

    private static OptimizationCompleted.Overfitting overfitting(OverfittingEstimate e, int partitions, int trials, int days) {
        return new OptimizationCompleted.Overfitting(e.probability().isDefined() ? e.probability().value() : null,
                e.probability().isDefined() ? null : e.probability().undefinedReason(), partitions, trials, days);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static java.util.Map<String, Object> orEmpty(java.util.Map<String, Object> m) {
        return m == null ? java.util.Map.of() : m;
    }

    private static double[] orEmpty(double[] a) {
        return a == null ? new double[0] : a;
    }
}
