package dev.trainer.optimizer.service;

import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.stats.OverfittingAccumulator;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.WindowState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Trials run again, here, in detail: full metrics and per-period returns. Searches ask the workers for scores and a
 * few summary metrics only; what needs more (a window's winner, a page of trials asked with detail, the daily
 * returns of a window's trials for the probability of backtest overfitting) is recomputed with the workers' own code
 * on the same prepared slice, which gives the same numbers: the engine is deterministic.
 */
@ApplicationScoped
public class TrialReplays {

    private static final int CHUNK = 1024;

    private final BacktestWorker worker;

    public TrialReplays(BacktestWorker worker) {
        this.worker = worker;
    }

    /** Consecutive trials numbered from {@code firstTrial} of a window, on its train (SEARCH) or test (TEST) slice. */
    public BacktestResults replay(TrainingRequested request, SeriesRef market, String fingerprint, WindowState window,
            String purpose, int firstTrial, List<ParameterSet> trials) {
        boolean search = TrialLedger.SEARCH.equals(purpose);
        return worker.run(SearchPlanner.request(request, market, fingerprint, window.key.windowIndex, purpose,
                search ? window.trainFromMs : window.testFromMs, search ? window.trainUntilMs : window.testUntilMs, firstTrial,
                trials.get(0).names(), trials, true));
    }

    /**
     * Replays trials on the window's train slice and puts their daily returns into the overfitting estimate as trials
     * {@code firstColumn} on, a chunk at a time; false when a trial fails or its returns do not fit.
     */
    public boolean dailyReturnsInto(TrainingRequested request, SeriesRef market, String fingerprint, WindowState window,
            List<ParameterSet> trials, OverfittingAccumulator matrix, int firstColumn) {
        for (int from = 0; from < trials.size(); from += CHUNK) {
            List<ParameterSet> chunk = trials.subList(from, Math.min(trials.size(), from + CHUNK));
            BacktestResults results = replay(request, market, fingerprint, window, TrialLedger.SEARCH, from, chunk);
            if (results.details().size() != chunk.size()) {
                return false;
            }
            for (BacktestResults.TrialDetail d : results.details()) {
                if (!matrix.put(firstColumn + d.trialNumber(), d.dailyReturns())) {
                    return false;
                }
            }
        }
        return true;
    }
}
