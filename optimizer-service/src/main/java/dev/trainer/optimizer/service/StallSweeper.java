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
 * What makes a job survive a crash: every so often, windows whose results stopped coming for longer than their
 * expected time get the trials that were sent and are missing from the trial ledger sent again (a crash of the
 * optimizer between a commit and its sends, or lost requests), a bounded number of times before their market fails
 * with the reason; and running jobs past their {@code maxRuntimeSeconds} are stopped, keeping what finished. A worker that dies
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
    private final TrialDispatcher dispatcher;
    private final Throughput throughput;

    public StallSweeper(WindowStateRepository windows, TrainingJobRepository jobs, JobMarketRepository markets, TrialLedger ledger,
            SearchPlanner planner, SearchSessions sessions, JobCoordinator coordinator, OptimizerConfig config,
            TrialDispatcher dispatcher, Throughput throughput) {
        this.dispatcher = dispatcher;
        this.throughput = throughput;
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
                QuarkusTransaction.requiringNew().run(() -> coordinator.stopJob(job.id,
                        "stopped: the job ran past its maximum runtime of " + max + " s"));
            }
        }
        // the earliest a window can be overdue; each window's own patience is checked under its lock
        Instant before = now.minus(config.resendAfter());
        List<WindowState.Key> stalled = QuarkusTransaction.requiringNew()
                .call(() -> windows.stalled(before).stream().map(w -> w.key).toList());
        int resumed = 0;
        for (WindowState.Key key : stalled) {
            try {
                if (QuarkusTransaction.requiringNew().call(() -> resume(key, now))) {
                    resumed++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "job %s: could not resume window %d of %s", key.jobId, key.windowIndex, key.marketKey);
            }
        }
        return resumed;
    }

    /**
     * How long a window may go without a result before its missing trials are sent again: {@code resend-patience}
     * times the time its job's trials in flight take at the measured throughput, at least {@code resend-after}, and
     * doubled for every resend that brought no progress (so a slow machine is not flooded with copies).
     */
    Duration patience(long jobTrialsInFlight, int resends) {
        double perSecond = throughput.trialsPerSecond();
        Duration expected = perSecond > 0
                ? Duration.ofMillis((long) (1000 * config.resendPatience() * jobTrialsInFlight / perSecond))
                : Duration.ZERO;
        Duration base = expected.compareTo(config.resendAfter()) > 0 ? expected : config.resendAfter();
        return base.multipliedBy(1L << Math.min(resends, 16));
    }

    private boolean resume(WindowState.Key key, Instant now) {
        TrainingJob job = jobs.lock(key.jobId).orElse(null);
        WindowState window = windows.lock(key.jobId, key.marketKey, key.windowIndex).orElse(null);
        if (window == null || job == null || job.finished()) {
            if (window != null && job != null && job.finished()) {
                sessions.end(key);
            }
            return false;
        }
        long inFlight = windows.searchingForJob(key.jobId).stream().mapToLong(WindowState::trialsInFlight).sum();
        if (!window.lastProgressAt.plus(patience(Math.max(inFlight, 1), window.resends)).isBefore(now)) {
            return false;
        }
        JobMarket market = markets.findById(new JobMarket.Key(key.jobId, key.marketKey));
        if (market == null || market.finished()) {
            return false;
        }
        SeriesRef ref = TrialDispatcher.ref(market);
        if (window.resends >= config.maxResends()) {
            coordinator.marketFailed(key.jobId, ref, "window " + key.windowIndex + " had no result for "
                    + Duration.between(window.lastProgressAt, now).toSeconds() + " s although its missing trials were sent "
                    + window.resends + " times again" + (window.lastError == null ? "" : "; last error: " + window.lastError));
            return false;
        }
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        if (window.searching()) {
            var recorded = ledger.numbers(key, TrialLedger.SEARCH,
                    window.roundStartedTrial, window.sentUntilTrial);
            int missing = window.sentUntilTrial - window.roundStartedTrial - recorded.size();
            if (missing <= 0) {
                // everything sent is recorded: nothing is lost, the job's flow only has to go on
                dispatcher.topUp(request);
                window.lastProgressAt = now;
                return false;
            }
            LOG.warnf("job %s: window %d of %s had no result for %s; sending its %d missing trials again (resend %d)",
                    key.jobId, key.windowIndex, key.marketKey, Duration.between(window.lastProgressAt, now), missing,
                    window.resends + 1);
            dispatcher.resend(request, market, window, recorded);
        } else if (ledger.get(key, TrialLedger.TEST, window.bestTrial) == null) {
            LOG.warnf("job %s: window %d of %s is waiting for its out-of-sample test; sending it again", key.jobId,
                    key.windowIndex, key.marketKey);
            var best = ledger.get(key, TrialLedger.SEARCH, window.bestTrial);
            planner.requestTest(request, ref, market.dataFingerprint, window, window.bestTrial, ParameterSet.of(best.parameters()));
        } else {
            return false;
        }
        window.resends++;
        window.lastProgressAt = now;
        return true;
    }
}
