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
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.domain.strategy.ParameterSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;

/** What a job found so far, read from its windows and the trial ledger. */
@ApplicationScoped
public class JobResultsQuery {

    private final TrainingJobRepository jobs;
    private final JobMarketRepository markets;
    private final WindowStateRepository windows;
    private final TrialLedger ledger;
    private final TrialReplays replays;

    public JobResultsQuery(TrainingJobRepository jobs, JobMarketRepository markets, WindowStateRepository windows,
            TrialLedger ledger, TrialReplays replays) {
        this.replays = replays;
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
                TrialRow best = w.bestTrial == null ? null : detailOrSummary(jobId, w, TrialLedger.SEARCH);
                TrialRow test = w.bestTrial == null ? null : detailOrSummary(jobId, w, TrialLedger.TEST);
                ws.add(new JobViews.WindowResult(w.key.windowIndex, Instant.ofEpochMilli(w.trainFromMs),
                        Instant.ofEpochMilli(w.trainUntilMs), Instant.ofEpochMilli(w.testFromMs), Instant.ofEpochMilli(w.testUntilMs),
                        w.status.dbValue(), w.plannedTrials, w.recordedTrials,
                        w.bestTrial, w.bestScore, best == null ? null : best.parameters(), best == null ? null : best.metrics(),
                        test == null ? null : test.metrics()));
            }
            out.add(new JobViews.MarketResult(m.exchange, m.pair, m.timeframe, m.status.dbValue(), m.message, ws));
        }
        String objective = request.optimization() == null || request.optimization().objective() == null ? "net_profit"
                : request.optimization().objective();
        return Optional.of(new JobViews.JobResults(jobId, job.status.dbValue(), objective, out));
    }

    /** The winner's full metrics where they are kept, else its summary from the ledger (or null before its test). */
    private TrialRow detailOrSummary(String jobId, WindowState w, String purpose) {
        return ledger.detail(w.key, purpose, w.bestTrial);
    }

    /**
     * A page of one window's search trials in trial order, or empty when the job is unknown. The ledger keeps a few
     * summary metrics per trial; with {@code detail} the page's trials are replayed for their full metrics.
     */
    @Transactional
    public Optional<List<JobViews.TrialView>> trials(String jobId, String marketKey, int windowIndex, int offset, int limit,
            boolean detail) {
        TrainingJob job = jobs.findById(jobId);
        if (job == null) {
            return Optional.empty();
        }
        List<TrialRow> rows = ledger.range(new WindowState.Key(jobId, marketKey, windowIndex), TrialLedger.SEARCH, offset, offset + limit);
        Map<Integer, Map<String, Object>> full = detail ? replayed(job, marketKey, windowIndex, rows) : Map.of();
        return Optional.of(rows.stream()
                .map(r -> new JobViews.TrialView(r.trialNumber(), r.parameters(), Double.isFinite(r.score()) ? r.score() : null,
                        full.getOrDefault(r.trialNumber(), r.metrics()), r.error(), r.workerId()))
                .toList());
    }

    private Map<Integer, Map<String, Object>> replayed(TrainingJob job, String marketKey, int windowIndex, List<TrialRow> rows) {
        WindowState window = windows.findById(new WindowState.Key(job.id, marketKey, windowIndex));
        JobMarket market = markets.findById(new JobMarket.Key(job.id, marketKey));
        List<TrialRow> ran = rows.stream().filter(r -> r.error() == null).toList();
        if (window == null || market == null || ran.isEmpty()) {
            return Map.of();
        }
        TrainingRequested request = EventJson.mapper().convertValue(job.config, TrainingRequested.class);
        SeriesRef ref = new SeriesRef(market.exchange, market.pair, market.timeframe);
        Map<Integer, Map<String, Object>> out = new HashMap<>();
        // one replay per trial: the page's trials need not be consecutive once failed ones are left out
        for (TrialRow r : ran) {
            replays.replay(request, ref, market.dataFingerprint, window, TrialLedger.SEARCH, r.trialNumber(),
                    List.of(ParameterSet.of(r.parameters()))).details().forEach(d -> out.put(d.trialNumber(), d.metrics()));
        }
        return out;
    }
}
