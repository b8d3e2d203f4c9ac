package dev.trainer.optimizer.service;

import dev.trainer.training.progress.MarketStatus;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.OptimizationCompleted;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.stats.BacktestOverfitting;
import dev.trainer.domain.stats.CscvMetric;
import dev.trainer.domain.stats.OverfittingAccumulator;
import dev.trainer.domain.stats.OverfittingEstimate;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.TrialLedger.TrialRow;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Computes and publishes a market's outcome once every window is tested, outside any consumer's transaction: at
 * plan scale the probability of backtest overfitting replays a whole final window's grid (201,600 trials on 90 days
 * of 5-minute bars) and the trials' Sharpe variance reads 1.8 million ledger rows, minutes of work that inside the
 * transaction recording the last result outlasted the transaction timeout and Kafka's poll interval, and retried
 * the market without end.
 *
 * <p>A market waiting here is {@code finalising}. One background thread claims such markets one at a time with a
 * lease (so a replica that dies leaves its claim to run out, and two replicas never work on one market), reads what
 * it needs in short read-only transactions, replays trials on {@code optimizer.finalise-threads} threads, publishes
 * the outcome on optimization.results, and only then records the market completed. The outcome's event id follows
 * from job and market, so a crash between the publish and the commit publishes the same event again, which the
 * validator ignores; nothing is published for a step that failed. A failed attempt is retried after a backoff, at
 * most {@code optimizer.finalise-attempts} times; then the market fails with the last reason.
 */
@ApplicationScoped
public class MarketFinaliser {

    private static final Logger LOG = Logger.getLogger(MarketFinaliser.class);
    private static final int PBO_PAGE = 8192;
    private static final int REPLAY_CHUNK = 1024;

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final WindowStateRepository windows;
    private final TrialLedger ledger;
    private final TrialReplays replays;
    private final OptimizerPublisher publisher;
    private final JobCoordinator coordinator;
    private final OptimizerConfig config;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> daemon(r, "market-finaliser"));
    private final ExecutorService replayThreads;
    private final AtomicBoolean queued = new AtomicBoolean();
    private final int threads;

    public MarketFinaliser(TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            TrialLedger ledger, TrialReplays replays, OptimizerPublisher publisher, JobCoordinator coordinator,
            OptimizerConfig config) {
        this.jobs = jobs;
        this.markets = markets;
        this.windows = windows;
        this.ledger = ledger;
        this.replays = replays;
        this.publisher = publisher;
        this.coordinator = coordinator;
        this.config = config;
        this.threads = Math.max(1, config.finaliseThreads().orElse(Runtime.getRuntime().availableProcessors()));
        this.replayThreads = Executors.newFixedThreadPool(Math.max(1, threads), r -> daemon(r, "finaliser-replay"));
    }

    /** Asks the background thread to look for markets to finalise (at once if it is idle). */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            runner.execute(() -> {
                queued.set(false);
                try {
                    while (finaliseNext()) {
                        // one market after another, until none is due
                    }
                } catch (RuntimeException e) {
                    LOG.error("the market finaliser stopped on an error; it looks again at the next poll", e);
                }
            });
        }
    }

    /** Picks up what a restart, a retry's backoff or another replica's expired claim left due. */
    @Scheduled(every = "${optimizer.finalise-poll:5s}", delayed = "${optimizer.finalise-poll:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    void stop(@Observes ShutdownEvent event) {
        runner.shutdownNow();
        replayThreads.shutdownNow();
    }

    /** Finalises one due market, if any, on the calling thread; false when none was due. */
    public boolean finaliseNext() {
        Instant now = Instant.now();
        JobMarket.Key claimed = QuarkusTransaction.requiringNew().call(() -> {
            JobMarket m = markets.claimFinalising(now).orElse(null);
            if (m == null) {
                return null;
            }
            m.claimedUntil = now.plus(config.finaliseLease());
            m.finaliseAttempts++;
            return m.key;
        });
        if (claimed == null) {
            return false;
        }
        long started = System.nanoTime();
        try {
            OptimizationCompleted outcome = outcome(claimed.jobId, claimed.marketKey);
            if (outcome == null) {
                return true; // the job ended meanwhile (cancelled, past its runtime): nothing to publish
            }
            publisher.optimizationCompleted(outcome);
            OptimizationCompleted.Window last = outcome.windows().get(outcome.windows().size() - 1);
            QuarkusTransaction.requiringNew().run(() -> coordinator.marketCompleted(claimed.jobId, claimed.marketKey,
                    number(last.outOfSampleMetrics().get("net_profit_fraction"))));
            LOG.infof("job %s: market %s finalised in %.1f s", claimed.jobId, claimed.marketKey,
                    (System.nanoTime() - started) / 1e9);
        } catch (RuntimeException e) {
            LOG.errorf(e, "job %s: the outcome of market %s failed", claimed.jobId, claimed.marketKey);
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            QuarkusTransaction.requiringNew().run(() -> coordinator.finaliseFailed(claimed.jobId, claimed.marketKey, reason));
        }
        return true;
    }

    private record Snapshot(TrainingJob job, TrainingRequested request, JobMarket market, List<WindowState> windows) {
    }

    /** The market's outcome from the ledger, or null when its job or market is no longer waiting for one. */
    OptimizationCompleted outcome(String jobId, String marketKey) {
        Snapshot s = QuarkusTransaction.requiringNew().call(() -> {
            TrainingJob job = jobs.findById(jobId);
            JobMarket market = markets.findById(new JobMarket.Key(jobId, marketKey));
            if (job == null || job.finished() || market == null || market.status != MarketStatus.FINALISING) {
                return null;
            }
            return new Snapshot(job, EventJson.mapper().convertValue(job.config, TrainingRequested.class), market,
                    windows.forMarket(jobId, marketKey));
        });
        if (s == null) {
            return null;
        }
        SeriesRef ref = TrialDispatcher.ref(s.market());
        List<OptimizationCompleted.Window> out = new ArrayList<>();
        TrialRow finalInSample = null;
        int searched = 0;
        for (WindowState w : s.windows()) {
            TrialRow inSample = QuarkusTransaction.requiringNew().call(() ->
                    ledger.detail(w.key, TrialLedger.SEARCH, w.bestTrial));
            TrialRow outOfSample = QuarkusTransaction.requiringNew().call(() ->
                    ledger.detail(w.key, TrialLedger.TEST, w.bestTrial));
            if (inSample == null || outOfSample == null) {
                throw new IllegalStateException("window " + w.key.windowIndex + " has no detail of its best trial "
                        + w.bestTrial + (inSample == null ? " in sample" : " out of sample"));
            }
            out.add(new OptimizationCompleted.Window(w.key.windowIndex, Instant.ofEpochMilli(w.trainFromMs),
                    Instant.ofEpochMilli(w.trainUntilMs), Instant.ofEpochMilli(w.testFromMs), Instant.ofEpochMilli(w.testUntilMs),
                    inSample.parameters(), w.bestScore == null ? Double.NaN : w.bestScore, orEmpty(inSample.metrics()),
                    orEmpty(inSample.dailyReturns()), orEmpty(outOfSample.metrics()), orEmpty(outOfSample.dailyReturns()),
                    orEmpty(outOfSample.tradeReturns())));
            finalInSample = inSample;
            searched += w.recordedTrials;
        }
        Double sharpeVariance = QuarkusTransaction.requiringNew().call(() -> ledger.sharpeVariancePerDay(jobId, marketKey));
        WindowState last = s.windows().get(s.windows().size() - 1);
        OptimizationCompleted.Overfitting overfitting = overfitting(s.request(), ref, s.market(), last,
                orEmpty(finalInSample.dailyReturns()).length);
        TrainingRequested request = s.request();
        TrainingRequested.Optimization o = request.optimization();
        return new OptimizationCompleted(EventTypes.deterministicId(jobId, marketKey, "optimization-completed"),
                OptimizationCompleted.SCHEMA_VERSION, Instant.now(), jobId, s.job().userId, ref, request.strategy(), o.method(),
                o.objective() == null ? "net_profit" : o.objective(), o.seed(), s.market().dataFingerprint,
                s.market().qualityScoreFraction == null ? 0 : s.market().qualityScoreFraction,
                request.validation() == null ? "train_test_split" : request.validation().method(), searched, sharpeVariance,
                overfitting,
                // the most recent window's winner is the configuration to trade: it saw the newest data
                out.get(out.size() - 1).bestParameters(), out);
    }

    /**
     * The probability of backtest overfitting over the final window's trials: one column of daily returns per trial
     * (failed trials left out), 16 partitions, ranked by per-day Sharpe ratio. The daily returns are replayed only
     * when they can matter: with fewer days than partitions, or fewer than two trials, the estimate is undefined
     * whatever they are, and the domain gives its reason from a stand-in of the same shape. Otherwise the trials are
     * read from the ledger a page at a time and replayed in chunks on the replay threads.
     */
    private OptimizationCompleted.Overfitting overfitting(TrainingRequested request, SeriesRef ref, JobMarket market,
            WindowState last, int days) {
        int partitions = BacktestOverfitting.DEFAULT_PARTITIONS;
        String jobId = last.key.jobId;
        int trials = (int) (long) QuarkusTransaction.requiringNew().call(() ->
                ledger.succeeded(last.key));
        if (trials < 2 || days < partitions) {
            return overfitting(BacktestOverfitting.estimate(new double[days][Math.min(trials, 2)], partitions, CscvMetric.SHARPE),
                    partitions, trials, days);
        }
        // one trial's daily returns at a time, reduced to its block sums: 265 bytes a trial instead of a days x trials matrix
        OverfittingAccumulator matrix = new OverfittingAccumulator(days, trials, partitions, CscvMetric.SHARPE);
        List<String> names = List.of(last.parameterNames);
        long replaying = System.nanoTime();
        int column = 0;
        for (int after = -1; ; ) {
            int from = after;
            List<TrialLedger.Parameters> page = QuarkusTransaction.requiringNew().call(() ->
                    ledger.succeededParameters(last.key, from, PBO_PAGE));
            if (page.isEmpty() || column + page.size() > trials) {
                break;
            }
            List<ParameterSet> sets = page.stream().map(p -> ParameterSet.of(names, p.values())).toList();
            if (!replayInto(request, ref, market.dataFingerprint, last, sets, matrix, column)) {
                return new OptimizationCompleted.Overfitting(null, "the trials' daily returns differ in length", partitions,
                        trials, days);
            }
            column += page.size();
            after = page.get(page.size() - 1).trialNumber();
        }
        long estimating = System.nanoTime();
        OverfittingEstimate estimate = matrix.estimate(threads);
        LOG.infof("job %s: market %s: %d trials x %d days replayed in %.1f s, overfitting estimated in %.1f s", jobId, ref.key(),
                trials, days, (estimating - replaying) / 1e9, (System.nanoTime() - estimating) / 1e9);
        return overfitting(estimate, partitions, trials, days);
    }

    /** Replays a page of trials in chunks spread over the replay threads; false when a chunk's returns do not fit. */
    private boolean replayInto(TrainingRequested request, SeriesRef ref, String fingerprint, WindowState window,
            List<ParameterSet> sets, OverfittingAccumulator matrix, int firstColumn) {
        List<Future<Boolean>> chunks = new ArrayList<>();
        for (int from = 0; from < sets.size(); from += REPLAY_CHUNK) {
            int start = from;
            List<ParameterSet> chunk = sets.subList(from, Math.min(sets.size(), from + REPLAY_CHUNK));
            chunks.add(replayThreads.submit(() ->
                    replays.dailyReturnsInto(request, ref, fingerprint, window, chunk, matrix, firstColumn + start)));
        }
        boolean fits = true;
        for (Future<Boolean> chunk : chunks) {
            try {
                fits &= chunk.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying trials", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        }
        return fits;
    }

    private static OptimizationCompleted.Overfitting overfitting(OverfittingEstimate e, int partitions, int trials, int days) {
        return new OptimizationCompleted.Overfitting(e.probability().isDefined() ? e.probability().value() : null,
                e.probability().isDefined() ? null : e.probability().undefinedReason(), partitions, trials, days);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Map<String, Object> orEmpty(Map<String, Object> m) {
        return m == null ? Map.of() : m;
    }

    private static double[] orEmpty(double[] a) {
        return a == null ? new double[0] : a;
    }
}
