package dev.trainer.optimizer.service;

import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.optimizer.mapping.JobViews;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.TrainingJob;
import dev.trainer.optimizer.repository.TrainingJobRepository;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.TrialLedger.TrialRow;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a job found so far, read from its windows and the trial ledger. */
@ApplicationScoped
public class JobResultsQuery {

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final WindowStateRepository windows;
    private final TrialLedger ledger;

    public JobResultsQuery(TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            TrialLedger ledger) {
        this.jobs = jobs;
        this.markets = markets;
        this.windows = windows;
        this.ledger = ledger;
    }

    @Transactional
    public Optional<JobViews.JobView> job(String jobId) {
        return jobs.findByIdOptional(jobId).map(job -> JobViews.view(job, markets.forJob(jobId)));
    }

    @Transactional
    public Optional<JobViews.JobResults> results(String jobId) {
        TrainingJob job = jobs.findById(jobId);
        if (job == null) {
            return Optional.empty();
        }
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        List<JobViews.MarketResult> out = new ArrayList<>();
        for (JobMarket m : markets.forJob(jobId)) {
            List<JobViews.WindowResult> ws = new ArrayList<>();
            for (WindowState w : windows.forMarket(jobId, m.key.marketKey)) {
                TrialRow best = w.bestTrial == null ? null
                        : ledger.get(jobId, m.key.marketKey, w.key.windowIndex, TrialLedger.SEARCH, w.bestTrial);
                TrialRow test = w.bestTrial == null ? null
                        : ledger.get(jobId, m.key.marketKey, w.key.windowIndex, TrialLedger.TEST, w.bestTrial);
                ws.add(new JobViews.WindowResult(w.key.windowIndex, Instant.ofEpochMilli(w.trainFromMs),
                        Instant.ofEpochMilli(w.trainUntilMs), Instant.ofEpochMilli(w.testFromMs), Instant.ofEpochMilli(w.testUntilMs),
                        w.status, w.plannedTrials, ledger.count(jobId, m.key.marketKey, w.key.windowIndex, TrialLedger.SEARCH),
                        w.bestTrial, w.bestScore, best == null ? null : best.parameters(), best == null ? null : best.metrics(),
                        test == null ? null : test.metrics()));
            }
            out.add(new JobViews.MarketResult(m.exchange, m.pair, m.timeframe, m.status, m.message, ws));
        }
        String objective = request.optimization() == null || request.optimization().objective() == null ? "net_profit"
                : request.optimization().objective();
        return Optional.of(new JobViews.JobResults(jobId, job.status, objective, out));
    }

    /** A page of one window's search trials in trial order, or empty when the job is unknown. */
    @Transactional
    public Optional<List<JobViews.TrialView>> trials(String jobId, String marketKey, int windowIndex, int offset, int limit) {
        if (jobs.findById(jobId) == null) {
            return Optional.empty();
        }
        return Optional.of(ledger.range(jobId, marketKey, windowIndex, TrialLedger.SEARCH, offset, offset + limit).stream()
                .map(r -> new JobViews.TrialView(r.trialNumber(), r.parameters(), Double.isFinite(r.score()) ? r.score() : null,
                        r.metrics(), r.error(), r.workerId()))
                .toList());
    }
}
