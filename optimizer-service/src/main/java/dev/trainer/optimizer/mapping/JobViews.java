package dev.trainer.optimizer.mapping;

import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.TrainingJob;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the REST API shows of a job. Fractions are fractions (0.05 = 5 %). */
public final class JobViews {

    private JobViews() {
    }

    public record MarketView(String exchange, String pair, String timeframe, String status, String message,
            String dataFingerprint, Double qualityScoreFraction, Instant startedAt, Instant finishedAt, int finaliseAttempts) {
    }

    public record JobView(String id, String userId, String strategy, String status, int totalMarkets, int totalCombinations,
            int completedCombinations, int failedCombinations, double progressFraction, int configurationsCreated,
            Double bestNetProfitFraction, Instant createdAt, Instant startedAt, Instant completedAt, String errorMessage,
            List<MarketView> markets) {
    }

    /** A validation window's search and out-of-sample test, as the trial ledger holds them. */
    public record WindowResult(int index, Instant trainFrom, Instant trainUntil, Instant testFrom, Instant testUntil,
            String status, int plannedTrials, long recordedTrials, Integer bestTrial, Double bestScore,
            Map<String, Double> bestParameters, Map<String, Object> inSampleMetrics, Map<String, Object> outOfSampleMetrics) {
    }

    public record MarketResult(String exchange, String pair, String timeframe, String status, String message,
            List<WindowResult> windows) {
    }

    public record JobResults(String jobId, String status, String objective, List<MarketResult> markets) {
    }

    /**
     * One trial of the ledger; {@code score} is null when the trial could not be scored (see {@code error});
     * {@code workerId} names the backtest worker that ran it.
     */
    public record TrialView(int trialNumber, Map<String, Double> parameters, Double score, Map<String, Object> metrics,
            String error, String workerId) {
    }

    public static JobView view(TrainingJob job, List<JobMarket> markets) {
        double progress = job.totalCombinations == 0 ? 0
                : Math.min(1.0, (job.completedCombinations + job.failedCombinations) / (double) job.totalCombinations);
        return new JobView(job.id, job.userId, job.strategyName, job.status.dbValue(), job.totalMarkets, job.totalCombinations,
                job.completedCombinations, job.failedCombinations, progress, job.configurationsCreated,
                job.bestNetProfitFraction, job.createdAt, job.startedAt, job.completedAt, job.errorMessage,
                markets.stream().map(m -> new MarketView(m.exchange, m.pair, m.timeframe, m.status.dbValue(), m.message,
                        m.dataFingerprint, m.qualityScoreFraction, m.startedAt, m.finishedAt, m.finaliseAttempts)).toList());
    }
}
