package dev.trainer.optimizer.mapping;

import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.TrainingJob;
import java.time.Instant;
import java.util.List;

/** What the REST API shows of a job. Fractions are fractions (0.05 = 5 %). */
public final class JobViews {

    private JobViews() {
    }

    public record MarketView(String exchange, String pair, String timeframe, String status, String message,
            String dataFingerprint, Double qualityScoreFraction) {
    }

    public record JobView(String id, String userId, String strategy, String status, int totalMarkets, int totalCombinations,
            int completedCombinations, int failedCombinations, double progressFraction, int configurationsCreated,
            Double bestNetProfitFraction, Instant createdAt, Instant startedAt, Instant completedAt, String errorMessage,
            List<MarketView> markets) {
    }

    public static JobView view(TrainingJob job, List<JobMarket> markets) {
        double progress = job.totalCombinations == 0 ? 0
                : Math.min(1.0, (job.completedCombinations + job.failedCombinations) / (double) job.totalCombinations);
        return new JobView(job.id, job.userId, job.strategyName, job.status, job.totalMarkets, job.totalCombinations,
                job.completedCombinations, job.failedCombinations, progress, job.configurationsCreated,
                job.bestNetProfitFraction, job.createdAt, job.startedAt, job.completedAt, job.errorMessage,
                markets.stream().map(m -> new MarketView(m.exchange, m.pair, m.timeframe, m.status, m.message,
                        m.dataFingerprint, m.qualityScoreFraction)).toList());
    }
}
