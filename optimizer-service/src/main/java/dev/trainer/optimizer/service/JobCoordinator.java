package dev.trainer.optimizer.service;

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

    public JobCoordinator(TrainingJobRepository jobs, JobMarketRepository markets, CleanChunkRepository chunks,
            MarketFailures failures, SearchPlanner planner, OptimizerPublisher publisher) {
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
        job.status = TrainingJob.PENDING;
        jobs.persist(job);
        for (SeriesRef market : request.markets()) {
            JobMarket m = new JobMarket();
            m.key = new JobMarket.Key(job.id, market.key());
            m.exchange = market.exchange();
            m.pair = market.pair();
            m.timeframe = market.timeframe();
            m.status = JobMarket.WAITING;
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
        if (market == null || !JobMarket.WAITING.equals(market.status)) {
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
            market.status = JobMarket.OPTIMIZING;
            job.totalCombinations += trials;
            if (job.startedAt == null) {
                job.startedAt = Instant.now();
            }
            job.status = TrainingJob.RUNNING;
            status(jobId, market, "MARKET_OPTIMIZING", trials + " trials planned", Map.of("planned_trials", trials));
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

    @Transactional(TxType.MANDATORY)
    public void marketCompleted(String jobId, String marketKey, Double netProfitFraction) {
        TrainingJob job = jobs.lock(jobId).orElseThrow();
        JobMarket market = markets.lock(jobId, marketKey).orElseThrow();
        market.status = JobMarket.COMPLETED;
        market.updatedAt = Instant.now();
        if (netProfitFraction != null && (job.bestNetProfitFraction == null || netProfitFraction > job.bestNetProfitFraction)) {
            job.bestNetProfitFraction = netProfitFraction;
        }
        closeIfDone(job);
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
        job.status = TrainingJob.CANCELLED;
        job.completedAt = Instant.now();
        job.errorMessage = "cancelled by the user";
        return true;
    }

    /** Ends an unfinished job as failed, with every unfinished market, e.g. when it ran past its maximum runtime. */
    @Transactional(TxType.MANDATORY)
    public void failJob(String jobId, String reason) {
        TrainingJob job = jobs.lock(jobId).orElse(null);
        if (job == null || job.finished()) {
            return;
        }
        for (JobMarket market : markets.forJob(jobId)) {
            if (!market.finished()) {
                market.status = JobMarket.FAILED;
                market.message = reason;
                market.updatedAt = Instant.now();
            }
        }
        job.status = TrainingJob.FAILED;
        job.errorMessage = reason;
        job.completedAt = Instant.now();
        LOG.warnf("job %s failed: %s", jobId, reason);
    }

    private void fail(TrainingJob job, JobMarket market, String reason) {
        LOG.warnf("job %s: market %s failed: %s", job.id, market.key.marketKey, reason);
        market.status = JobMarket.FAILED;
        market.message = reason;
        market.updatedAt = Instant.now();
        closeIfDone(job);
    }

    private void closeIfDone(TrainingJob job) {
        markets.flush();
        List<JobMarket> all = markets.forJob(job.id);
        if (!all.stream().allMatch(JobMarket::finished)) {
            return;
        }
        boolean anyCompleted = all.stream().anyMatch(m -> JobMarket.COMPLETED.equals(m.status));
        job.status = anyCompleted ? TrainingJob.COMPLETED : TrainingJob.FAILED;
        job.completedAt = Instant.now();
        if (!anyCompleted) {
            job.errorMessage = "no market could be trained: " + all.stream()
                    .map(m -> m.key.marketKey + ": " + m.message).collect(Collectors.joining("; "));
        }
        LOG.infof("job %s %s", job.id, job.status);
    }

    private void status(String jobId, JobMarket market, String state, String message, Map<String, Object> details) {
        SeriesRef ref = new SeriesRef(market.exchange, market.pair, market.timeframe);
        publisher.status(new TrainingStatus(EventTypes.deterministicId(jobId, ref.key(), SERVICE, state), TrainingStatus.SCHEMA_VERSION,
                Instant.now(), jobId, SERVICE, ref, state, message, details));
    }
}
