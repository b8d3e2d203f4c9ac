package dev.trainer.optimizer.service;

import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.JobMarketRepository;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Flow control of a job's search trials: at most {@code optimizer.batches-in-flight-per-job} batches of a job wait
 * for the workers at any time, and each recorded batch lets the next one go. Without it a plan-scale job (24 markets
 * x 9 windows x 201,600 trials) put every window's round on backtest.requests at once: thousands of batches queued
 * ahead of any other job's, results queued for minutes behind them, and a sweeper that could not tell lost work
 * from queued work. With it, what a window waits for is a few batches, whose expected time is known.
 *
 * <p>Windows are served in order: the market with the most bars per train window first (the costliest trials), then
 * the market started first, then window index. So markets finish one after another, and their outcomes (replays and
 * the overfitting estimate, which grow with the bars) are computed while later markets still search: the market
 * that finishes last is the cheapest to conclude. In arrival order instead, the one-minute or five-minute market,
 * whose candles are cleaned last, finished last and its outcome ran alone at the end of the job. Batches are cut at fixed trial numbers from the
 * round's start, so a batch sent again is the same event.
 */
@ApplicationScoped
public class TrialDispatcher {

    private final WindowStateRepository windows;
    private final JobMarketRepository markets;
    private final SearchPlanner planner;
    private final SearchSessions sessions;
    private final OptimizerConfig config;

    public TrialDispatcher(WindowStateRepository windows, JobMarketRepository markets, SearchPlanner planner,
            SearchSessions sessions, OptimizerConfig config) {
        this.windows = windows;
        this.markets = markets;
        this.planner = planner;
        this.sessions = sessions;
        this.config = config;
    }

    /**
     * Sends as many of the job's unsent trials as its share of batches in flight allows (after commit). Call with the
     * job's row locked, after the changes that free or add work have been made to the windows.
     */
    @Transactional(TxType.MANDATORY)
    public void topUp(TrainingRequested request) {
        windows.flush();
        List<WindowState> open = windows.searchingForJob(request.jobId());
        if (open.isEmpty()) {
            return;
        }
        Map<String, JobMarket> byKey = markets.forJob(request.jobId()).stream()
                .collect(Collectors.toMap(m -> m.key.marketKey, Function.identity()));
        long inFlight = open.stream().mapToLong(WindowState::trialsInFlight).sum();
        open.sort(serviceOrder(byKey));
        for (WindowState w : open) {
            if (w.unsentTrials() == 0) {
                continue;
            }
            JobMarket market = byKey.get(w.key.marketKey);
            if (market == null || market.finished()) {
                continue;
            }
            List<ParameterSet> round = sessions.currentRound(request, w);
            int batch = planner.trialsPerBatch(round.get(0).names().size());
            long budget = (long) config.batchesInFlightPerJob() * batch - inFlight;
            if (budget <= 0) {
                return;
            }
            // whole batches from where the round stopped; the last one may be partial
            int from = w.sentUntilTrial;
            int until = from;
            while (until < w.plannedTrials && until - from < budget) {
                until = Math.min(w.plannedTrials, until + batch);
            }
            planner.sendTrials(request, ref(market), market.dataFingerprint, w, round, from, until, null);
            inFlight += until - from;
            if (w.trialsInFlight() == 0) {
                // the window waited for its turn, not for results: its patience starts with its first batch
                w.lastProgressAt = java.time.Instant.now();
            }
            w.sentUntilTrial = until;
        }
    }

    /** Sends again the batches of what was sent of the window's round that hold a trial missing from {@code recorded}. */
    public void resend(TrainingRequested request, JobMarket market, WindowState window, Set<Integer> recorded) {
        List<ParameterSet> round = sessions.currentRound(request, window);
        planner.sendTrials(request, ref(market), market.dataFingerprint, window, round, window.roundStartedTrial,
                window.sentUntilTrial, recorded);
    }

    static SeriesRef ref(JobMarket market) {
        return new SeriesRef(market.exchange, market.pair, market.timeframe);
    }

    /** The order windows are served in (see the class comment), given the job's markets by key. */
    static Comparator<WindowState> serviceOrder(Map<String, JobMarket> markets) {
        return Comparator.comparingLong((WindowState w) -> -barsPerTrainWindow(w, markets.get(w.key.marketKey)))
                .thenComparing(w -> startOf(markets.get(w.key.marketKey)))
                .thenComparing(w -> w.key.marketKey).thenComparingInt(w -> w.key.windowIndex);
    }

    /** How many bars a train window of the market spans: what a trial of it costs, near enough. */
    private static long barsPerTrainWindow(WindowState w, JobMarket market) {
        return market == null ? 0 : (w.trainUntilMs - w.trainFromMs) / Timeframe.parse(market.timeframe).durationMs();
    }

    private static java.time.Instant startOf(JobMarket market) {
        return market == null || market.startedAt == null ? java.time.Instant.MAX : market.startedAt;
    }
}
