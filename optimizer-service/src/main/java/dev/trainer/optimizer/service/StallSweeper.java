package dev.trainer.optimizer.service;

import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import dev.trainer.domain.strategy.ParameterSet;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What makes a job survive a crash: every so often, windows whose results stopped coming get their missing trials
 * sent again, computed from the trial ledger (a crash of the optimizer between a commit and its sends, or lost
 * requests); and running jobs past their {@code maxRuntimeSeconds} are failed with that reason. A worker that dies
 * needs nothing from here: its unacknowledged requests are redelivered by Kafka to another member of the group.
 */
@ApplicationScoped
public class StallSweeper {

    private static final Logger LOG = Logger.getLogger(StallSweeper.class);

    private final WindowStateRepository windows;
    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final TrialLedger ledger;
    private final SearchPlanner planner;
    private final SearchSessions sessions;
    private final JobCoordinator coordinator;
    private final OptimizerConfig config;

    public StallSweeper(WindowStateRepository windows, TrainingJobRepository jobs, JobMarketRepository markets, TrialLedger ledger,
            SearchPlanner planner, SearchSessions sessions, JobCoordinator coordinator, OptimizerConfig config) {
        this.windows = windows;
        this.jobs = jobs;
        this.markets = markets;
        this.ledger = ledger;
        this.planner = planner;
        this.sessions = sessions;
        this.coordinator = coordinator;
        this.config = config;
    }

    @Scheduled(every = "${optimizer.sweep-every:15s}", delayed = "${optimizer.sweep-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        sweep(Instant.now());
    }

    /** Returns how many windows were resumed. */
    public int sweep(Instant now) {
        List<TrainingJob> running = QuarkusTransaction.requiringNew().call(jobs::running);
        for (TrainingJob job : running) {
            Integer max = EventJson.mapper().convertValue(job.config, TrainingRequested.class).maxRuntimeSeconds();
            if (max != null && job.startedAt != null && job.startedAt.plusSeconds(max).isBefore(now)) {
                QuarkusTransaction.requiringNew().run(() -> coordinator.failJob(job.id,
                        "the job ran past its maximum runtime of " + max + " s"));
            }
        }
        Instant before = now.minus(config.resendAfter());
        List<WindowState.Key> stalled = QuarkusTransaction.requiringNew()
                .call(() -> windows.stalled(before).stream().map(w -> w.key).toList());
        int resumed = 0;
        for (WindowState.Key key : stalled) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> resume(key, before))) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s: could not resume window %d of %s", key.jobId, key.windowIndex, key.marketKey);
            }
        }
        return resumed;
    }

    private boolean resume(WindowState.Key key, Instant before) {
        WindowState window = windows.lock(key.jobId, key.marketKey, key.windowIndex).orElse(null);
        TrainingJob job = jobs.findById(key.jobId);
        if (window == null || job == null || job.finished() || !window.lastProgressAt.isBefore(before)) {
            if (window != null && job != null && job.finished()) {
                sessions.end(key);
            }
            return false;
        }
        JobMarket market = markets.findById(new JobMarket.Key(key.jobId, key.marketKey));
        if (market == null || market.finished()) {
            return false;
        }
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        SeriesRef ref = new SeriesRef(market.exchange, market.pair, market.timeframe);
        if (window.searching()) {
            List<ParameterSet> round = sessions.currentRound(request, window);
            var recorded = ledger.numbers(key.jobId, key.marketKey, key.windowIndex, TrialLedger.SEARCH,
                    window.roundStartedTrial, window.plannedTrials);
            LOG.warnf("job %s: window %d of %s had no result for %s; sending its %d missing trials again", key.jobId,
                    key.windowIndex, key.marketKey, Duration.between(window.lastProgressAt, Instant.now()),
                    window.plannedTrials - window.roundStartedTrial - recorded.size());
            planner.sendRound(request, ref, market.dataFingerprint, window, round, recorded);
        } else if (ledger.get(key.jobId, key.marketKey, key.windowIndex, TrialLedger.TEST, window.bestTrial) == null) {
            LOG.warnf("job %s: window %d of %s is waiting for its out-of-sample test; sending it again", key.jobId,
                    key.windowIndex, key.marketKey);
            var best = ledger.get(key.jobId, key.marketKey, key.windowIndex, TrialLedger.SEARCH, window.bestTrial);
            planner.requestTest(request, ref, market.dataFingerprint, window, window.bestTrial, ParameterSet.of(best.parameters()));
        }
        window.lastProgressAt = Instant.now();
        return true;
    }
}
