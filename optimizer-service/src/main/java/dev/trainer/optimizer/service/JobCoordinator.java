package dev.trainer.optimizer.service;

import dev.trainer.training.progress.MarketStatus;
import dev.trainer.training.progress.JobStatus;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.CleanCandlesChunk;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.CleanChunkRepository;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.MarketFailures;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import dev.trainer.optimizer.config.OptimizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Keeps a training job and its markets moving: creates the job from its request, starts a market's search once
 * its cleaned series has fully arrived (whichever of the two comes first), records failed and finished markets,
 * and closes the job when every market is done. Rows are locked while they change, because several topics'
 * consumers act on the same job.
 */
@ApplicationScoped
public class JobCoordinator {

    private static final Logger LOG = Logger.getLogger(JobCoordinator.class);
    static final String SERVICE = "optimizer-service";

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final CleanChunkRepository chunks;
    private final MarketFailures failures;
    private final SearchPlanner planner;
    private final OptimizerPublisher publisher;
    private final TrialDispatcher dispatcher;
    private final WindowStateRepository windows;
    private final OptimizerConfig config;

    public JobCoordinator(TrainingJobRepository jobs, JobMarketRepository markets, CleanChunkRepository chunks,
            MarketFailures failures, SearchPlanner planner, OptimizerPublisher publisher, TrialDispatcher dispatcher,
            WindowStateRepository windows, OptimizerConfig config) {
        this.dispatcher = dispatcher;
        this.windows = windows;
        this.config = config;
        this.jobs = jobs;
        this.markets = markets;
        this.chunks = chunks;
        this.failures = failures;
        this.planner = planner;
        this.publisher = publisher;
    }

    /** Registers the job of a valid request (the consumer sends invalid ones to the dead-letter topic). */
    @Transactional(TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void register(TrainingRequested request) {
        jobs.lockId(request.jobId());
        if (jobs.findByIdOptional(request.jobId()).isPresent()) {
            return;
        }
        TrainingJob job = new TrainingJob();
        job.id = request.jobId();
        job.userId = request.userId();
        job.strategyName = request.strategy();
        job.config = EventJson.mapper().convertValue(request, Map.class);
        job.totalMarkets = request.markets().size();
        job.createdAt = Instant.now();
        job.status = JobStatus.PENDING;
        jobs.persist(job);
        for (SeriesRef market : request.markets()) {
            JobMarket m = new JobMarket();
            m.key = new JobMarket.Key(job.id, market.key());
            m.exchange = market.exchange();
            m.pair = market.pair();
            m.timeframe = market.timeframe();
            m.status = MarketStatus.WAITING;
            m.updatedAt = Instant.now();
            markets.persist(m);
        }
        jobs.flush();
        // what arrived before the request: failures reported by earlier steps, cleaned series complete already
        request.markets().forEach(market -> failures.reason(job.id, market.key()).ifPresentOrElse(
                reason -> marketFailed(job.id, market, reason), () -> tryStart(job.id, market.key())));
    }

    @Transactional(TxType.MANDATORY)
    public void onCleanChunk(CleanCandlesChunk chunk) {
        jobs.lockId(chunk.jobId()); // a chunk stored while the request registers its job would start nothing
        chunks.store(chunk.jobId(), chunk.series().key(), chunk.chunkIndex(), chunk.chunkCount(), chunk.fingerprint(),
                chunk.qualityScore(), chunk.candles());
        tryStart(chunk.jobId(), chunk.series().key());
    }

    /** Starts the market's search if its job is known, it is still waiting and all its cleaned chunks are here. */
    private void tryStart(String jobId, String marketKey) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        JobMarket market = markets.lock(jobId, marketKey).orElse(null);
        if (market == null || market.status != MarketStatus.WAITING) {
            return;
        }
        CleanChunkRepository.Complete complete = chunks.complete(jobId, marketKey);
        if (complete == null) {
            return;
        }
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        market.dataFingerprint = complete.fingerprint();
        market.qualityScoreFraction = complete.qualityScore();
        market.updatedAt = Instant.now();
        try {
            int trials = planner.start(request, new SeriesRef(market.exchange, market.pair, market.timeframe), complete);
            market.become(MarketStatus.OPTIMIZING);
            market.startedAt = Instant.now();
            job.totalCombinations += trials;
            if (job.startedAt == null) {
                job.startedAt = Instant.now();
            }
            if (job.status == JobStatus.PENDING) {
                job.become(JobStatus.RUNNING);
            }
            status(jobId, market, TrainingStatus.State.MARKET_OPTIMIZING, trials + " trials planned",
                    Map.of("planned_trials", trials));
            dispatcher.topUp(request);
        } catch (IllegalArgumentException e) {
            fail(job, market, e.getMessage());
        }
    }

    /**
     * A market the previous steps could not serve (no data, refused by the quality gate, unknown exchange). Kept even
     * when the job is not registered yet, because training.status and training.requests are not ordered together.
     */
    @Transactional(TxType.MANDATORY)
    public void marketFailed(String jobId, SeriesRef ref, String reason) {
        jobs.lockId(jobId); // re-entrant: register calls this with the lock held
        failures.record(jobId, ref.key(), reason);
        TrainingJob job = jobs.lock(jobId).orElse(null);
        JobMarket market = job == null ? null : markets.lock(jobId, ref.key()).orElse(null);
        if (market != null && !market.finished() && !job.finished()) {
            fail(job, market, reason);
        }
    }

    /** Every window of the market is tested: its outcome is left to the {@link MarketFinaliser}. */
    @Transactional(TxType.MANDATORY)
    public void marketFinalising(String jobId, String marketKey) {
        JobMarket market = markets.lock(jobId, marketKey).orElseThrow();
        if (market.status != MarketStatus.OPTIMIZING) {
            return;
        }
        market.become(MarketStatus.FINALISING);
        market.updatedAt = Instant.now();
        status(jobId, market, TrainingStatus.State.MARKET_FINALISING, "every window tested; computing the outcome", Map.of());
    }

    /**
     * A step went on despite a problem (e.g. the exchange could not be reached and the market trains on what is
     * stored): shown as the market's message, which a later failure replaces. A warning for a job not registered yet
     * is not kept.
     */
    @Transactional(TxType.MANDATORY)
    public void marketWarning(String jobId, SeriesRef ref, String warning) {
        jobs.lockId(jobId);
        markets.lock(jobId, ref.key()).filter(m -> m.status != MarketStatus.FAILED)
                .ifPresent(m -> m.message = shorten("warning: " + warning));
    }

    @Transactional(TxType.MANDATORY)
    public void marketCompleted(String jobId, String marketKey, Double netProfitFraction) {
        TrainingJob job = jobs.lock(jobId).orElseThrow();
        JobMarket market = markets.lock(jobId, marketKey).orElseThrow();
        if (market.finished() || job.finished()) {
            return;
        }
        market.become(MarketStatus.COMPLETED);
        market.updatedAt = Instant.now();
        market.finishedAt = market.updatedAt;
        market.claimedUntil = null;
        if (netProfitFraction != null && (job.bestNetProfitFraction == null || netProfitFraction > job.bestNetProfitFraction)) {
            job.bestNetProfitFraction = netProfitFraction;
        }
        status(jobId, market, TrainingStatus.State.MARKET_OPTIMIZED, "outcome published on optimization.results", Map.of());
        closeIfDone(job);
    }

    /**
     * An attempt at the market's outcome failed: retried after a doubling backoff, until
     * {@code optimizer.finalise-attempts} attempts have failed; then the market fails with the reason.
     */
    @Transactional(TxType.MANDATORY)
    public void finaliseFailed(String jobId, String marketKey, String reason) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        JobMarket market = job == null ? null : markets.lock(jobId, marketKey).orElse(null);
        if (market == null || market.finished() || job.finished()) {
            return;
        }
        market.claimedUntil = null;
        if (market.finaliseAttempts >= config.finaliseAttempts()) {
            fail(job, market, "computing the market's outcome failed " + market.finaliseAttempts + " times; last: "
                    + shorten(reason));
            return;
        }
        Instant retry = Instant.now().plus(config.finaliseBackoff().multipliedBy(1L << Math.min(16, market.finaliseAttempts - 1)));
        market.nextAttemptAt = retry;
        market.message = "attempt " + market.finaliseAttempts + " at the outcome failed (" + shorten(reason) + "); retrying at "
                + retry;
        market.updatedAt = Instant.now();
    }

    /**
     * Recording a window's results failed (the consumer's transaction rolled back). The results come again when the
     * sweeper resends the window's missing trials; after {@code optimizer.max-step-attempts} failures the market fails
     * with the reason instead of being retried forever.
     */
    @Transactional(TxType.MANDATORY)
    public void stepFailed(String jobId, SeriesRef ref, int windowIndex, String reason) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        WindowState window = job == null ? null : windows.lock(jobId, ref.key(), windowIndex).orElse(null);
        if (window == null || job.finished()) {
            return;
        }
        window.failedAttempts++;
        window.lastError = shorten(reason);
        if (window.failedAttempts >= config.maxStepAttempts()) {
            marketFailed(jobId, ref, "window " + windowIndex + ": recording its results failed " + window.failedAttempts
                    + " times; last: " + window.lastError);
        }
    }

    static String shorten(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 497) + "...";
    }

    @Transactional(TxType.MANDATORY)
    public void configurationCreated(String jobId) {
        jobs.lock(jobId).ifPresent(job -> job.configurationsCreated++);
    }

    @Transactional(TxType.MANDATORY)
    public boolean cancel(String jobId) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job == null || job.finished()) {
            return false;
        }
        job.become(JobStatus.CANCELLED);
        job.completedAt = Instant.now();
        job.errorMessage = "cancelled by the user";
        return true;
    }

    /**
     * Stops an unfinished job, e.g. when it ran past its maximum runtime: markets that finished keep their outcome
     * (their configurations are already on their way to the registry), the others fail with the reason, and the job
     * ends completed if any market completed, failed otherwise, with the reason recorded.
     */
    @Transactional(TxType.MANDATORY)
    public void stopJob(String jobId, String reason) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        boolean anyCompleted = false;
        for (JobMarket market : markets.forJob(jobId)) {
            anyCompleted |= market.status == MarketStatus.COMPLETED;
            if (!market.finished()) {
                market.become(MarketStatus.FAILED);
                market.message = reason;
                market.updatedAt = Instant.now();
                market.finishedAt = market.updatedAt;
                status(jobId, market, TrainingStatus.State.MARKET_FAILED, reason, Map.of());
            }
        }
        job.become(anyCompleted ? JobStatus.COMPLETED : JobStatus.FAILED);
        job.errorMessage = reason;
        job.completedAt = Instant.now();
        LOG.warnf("job %s stopped (%s): %s", jobId, job.status, reason);
    }

    private void fail(TrainingJob job, JobMarket market, String reason) {
        LOG.warnf("job %s: market %s failed: %s", job.id, market.key.marketKey, reason);
        market.become(MarketStatus.FAILED);
        market.message = reason;
        market.updatedAt = Instant.now();
        market.finishedAt = market.updatedAt;
        market.claimedUntil = null;
        status(job.id, market, TrainingStatus.State.MARKET_FAILED, reason, Map.of());
        closeIfDone(job);
    }

    private void closeIfDone(TrainingJob job) {
        markets.flush();
        List<JobMarket> all = markets.forJob(job.id);
        if (!all.stream().allMatch(JobMarket::finished)) {
            return;
        }
        boolean anyCompleted = all.stream().anyMatch(m -> m.status == MarketStatus.COMPLETED);
        job.become(anyCompleted ? JobStatus.COMPLETED : JobStatus.FAILED);
        job.completedAt = Instant.now();
        List<JobMarket> failed = all.stream().filter(m -> m.status == MarketStatus.FAILED).toList();
        if (!anyCompleted) {
            job.errorMessage = "no market could be trained: " + failed.stream()
                    .map(m -> m.key.marketKey + ": " + m.message).collect(Collectors.joining("; "));
        } else if (!failed.isEmpty()) {
            job.errorMessage = failed.size() + " of " + all.size() + " markets failed: " + failed.stream()
                    .map(m -> m.key.marketKey + ": " + m.message).collect(Collectors.joining("; "));
        }
        LOG.infof("job %s %s", job.id, job.status);
    }

    /** Published once the change it reports has committed, never for a change that rolled back. */
    private void status(String jobId, JobMarket market, TrainingStatus.State state, String message,
            Map<String, Object> details) {
        SeriesRef ref = new SeriesRef(market.exchange, market.pair, market.timeframe);
        TrainingStatus event = new TrainingStatus(EventTypes.deterministicId(jobId, ref.key(), SERVICE, state.name()),
                TrainingStatus.SCHEMA_VERSION, Instant.now(), jobId, SERVICE, ref, state, message, details);
        publisher.afterCommit(() -> publisher.status(event));
    }
}
