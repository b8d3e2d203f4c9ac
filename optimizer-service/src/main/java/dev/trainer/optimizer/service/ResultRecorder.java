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
import java.util.Set;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;
import org.apache.commons.math3.stat.descriptive.moment.Variance;
import org.jboss.logging.Logger;

/**
 * Records workers' results in the trial ledger and moves windows on: when a window's round is complete its search
 * asks the next round, and when the search is over its best trial is tested out of sample; when every window of a market is tested, the market's outcome goes to the
 * validator on optimization.results. Progress is counted from the ledger, so a redelivered result counts once.
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

    public ResultRecorder(TrialLedger ledger, TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            SearchPlanner planner, JobCoordinator coordinator, OptimizerPublisher publisher, SearchSessions sessions) {
        this.sessions = sessions;
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
        TrainingJob job = jobs.lock(results.jobId()).orElse(null);
        if (job == null) {
            LOG.warnf("results %s for unknown job %s ignored", results.eventId(), results.jobId());
            return;
        }
        if (job.finished()) {
            return;
        }
        String marketKey = results.market().key();
        List<TrialRow> rows = new ArrayList<>(results.results().size());
        for (BacktestResults.TrialResult r : results.results()) {
            rows.add(new TrialRow(r.trialNumber(), r.parameters(), r.metrics(),
                    r.score() == null ? Double.NEGATIVE_INFINITY : r.score(), r.dailyReturns(), r.tradeReturns(), r.error(),
                    results.workerId()));
        }
        Set<Integer> inserted = ledger.record(results.jobId(), marketKey, results.windowIndex(), results.purpose(), rows,
                results.workerId());
        int recorded = 0;
        int failed = 0;
        if (TrialLedger.SEARCH.equals(results.purpose())) {
            for (BacktestResults.TrialResult r : results.results()) {
                if (inserted.contains(r.trialNumber())) {
                    recorded++;
                    failed += r.error() == null ? 0 : 1;
                }
            }
        }
        job.completedCombinations += recorded - failed;
        job.failedCombinations += failed;

        WindowState window = windows.lock(results.jobId(), marketKey, results.windowIndex()).orElseThrow();
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        JobMarket market = markets.findById(new JobMarket.Key(job.id, marketKey));
        window.lastProgressAt = Instant.now();
        if (window.searching()
                && ledger.count(job.id, marketKey, window.key.windowIndex, TrialLedger.SEARCH) >= window.plannedTrials) {
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
            planner.requestTest(request, results.market(), market.dataFingerprint, window, best.trialNumber(),
                    ParameterSet.of(best.parameters()));
        } else if (WindowState.TESTING.equals(window.status) && TrialLedger.TEST.equals(results.purpose())) {
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

    private OptimizationCompleted outcome(TrainingJob job, TrainingRequested request, SeriesRef ref, JobMarket market,
            List<WindowState> all) {
        List<OptimizationCompleted.Window> out = new ArrayList<>();
        for (WindowState w : all) {
            TrialRow inSample = ledger.get(job.id, ref.key(), w.key.windowIndex, TrialLedger.SEARCH, w.bestTrial);
            TrialRow outOfSample = ledger.get(job.id, ref.key(), w.key.windowIndex, TrialLedger.TEST, w.bestTrial);
            out.add(new OptimizationCompleted.Window(w.key.windowIndex, Instant.ofEpochMilli(w.trainFromMs),
                    Instant.ofEpochMilli(w.trainUntilMs), Instant.ofEpochMilli(w.testFromMs), Instant.ofEpochMilli(w.testUntilMs),
                    inSample.parameters(), w.bestScore == null ? Double.NaN : w.bestScore, orEmpty(inSample.metrics()),
                    orEmpty(inSample.dailyReturns()), orEmpty(outOfSample.metrics()), orEmpty(outOfSample.dailyReturns()), orEmpty(outOfSample.tradeReturns())));
        }
        List<TrialRow> searched = ledger.all(job.id, ref.key(), TrialLedger.SEARCH);
        TrainingRequested.Optimization o = request.optimization();
        return new OptimizationCompleted(EventTypes.deterministicId(job.id, ref.key(), "optimization-completed"),
                OptimizationCompleted.SCHEMA_VERSION, Instant.now(), job.id, job.userId, ref, request.strategy(), o.method(),
                o.objective() == null ? "net_profit" : o.objective(), o.seed(), market.dataFingerprint,
                market.qualityScoreFraction == null ? 0 : market.qualityScoreFraction,
                request.validation() == null ? "train_test_split" : request.validation().method(), searched.size(),
                trialSharpeVariance(searched), overfitting(ledger.range(job.id, ref.key(),
                        all.get(all.size() - 1).key.windowIndex, TrialLedger.SEARCH, 0, Integer.MAX_VALUE)),
                // the most recent window's winner is the configuration to trade: it saw the newest data
                out.get(out.size() - 1).bestParameters(), out);
    }

    /**
     * The probability of backtest overfitting over the final window's trials: one column of daily returns per trial
     * (trials without them, e.g. failed ones, are left out), 16 partitions, ranked by per-day Sharpe ratio.
     */
    static OptimizationCompleted.Overfitting overfitting(List<TrialRow> finalWindowTrials) {
        List<double[]> columns = finalWindowTrials.stream().map(TrialRow::dailyReturns).filter(r -> r != null && r.length > 0).toList();
        int periods = columns.isEmpty() ? 0 : columns.get(0).length;
        int partitions = BacktestOverfitting.DEFAULT_PARTITIONS;
        if (columns.stream().anyMatch(c -> c.length != periods)) {
            return new OptimizationCompleted.Overfitting(null, "the trials' daily returns differ in length", partitions,
                    columns.size(), periods);
        }
        double[][] byPeriod = new double[periods][columns.size()];
        for (int j = 0; j < columns.size(); j++) {
            for (int t = 0; t < periods; t++) {
                byPeriod[t][j] = columns.get(j)[t];
            }
        }
        OverfittingEstimate e = BacktestOverfitting.estimate(byPeriod, partitions, CscvMetric.SHARPE);
        return new OptimizationCompleted.Overfitting(e.probability().isDefined() ? e.probability().value() : null,
                e.probability().isDefined() ? null : e.probability().undefinedReason(), partitions, columns.size(), periods);
    }

    /** Variance across trials of their per-day (not annualised) Sharpe ratios; null when fewer than two are defined. */
    static Double trialSharpeVariance(List<TrialRow> trials) {
        double[] sharpes = trials.stream().map(TrialRow::dailyReturns).filter(r -> r != null && r.length > 1)
                .mapToDouble(r -> {
                    double sd = new StandardDeviation().evaluate(r);
                    return sd > 0 ? java.util.Arrays.stream(r).average().orElse(0) / sd : Double.NaN;
                }).filter(Double::isFinite).toArray();
        return sharpes.length < 2 ? null : new Variance().evaluate(sharpes);
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
