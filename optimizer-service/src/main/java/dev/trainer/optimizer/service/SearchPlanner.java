package dev.trainer.optimizer.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.TrialPlan;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.optimize.TrialPlanner;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.walkforward.ValidationWindow;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.messaging.OptimizerPublisher;
import dev.trainer.optimizer.repository.CleanChunkRepository;
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.optimizer.repository.WindowState;
import dev.trainer.optimizer.repository.WindowStateRepository;
import dev.trainer.training.TrainingRequests;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Plans a market's search: splits its cleaned series into validation windows, draws the trials (the same trial
 * numbers in every window, so results line up across windows), records the windows and sends the trials to the
 * workers in batches. Batch event ids are derived from their content's position, so planning again after a crash
 * sends the same events, which the workers' results then deduplicate.
 */
@ApplicationScoped
public class SearchPlanner {

    /** The search methods this service runs: those whose trials are all known before the first backtest. */
    public static final Set<SearchMethod> METHODS = EnumSet.of(SearchMethod.GRID, SearchMethod.RANDOM, SearchMethod.SOBOL);

    private final SeriesCache series;
    private final WindowStateRepository windows;
    private final OptimizerPublisher publisher;
    private final OptimizerConfig config;

    public SearchPlanner(SeriesCache series, WindowStateRepository windows, OptimizerPublisher publisher, OptimizerConfig config) {
        this.series = series;
        this.windows = windows;
        this.publisher = publisher;
        this.config = config;
    }

    /** Returns how many search trials were planned over all windows; throws IllegalArgumentException when none fit. */
    @Transactional(TxType.MANDATORY)
    public int start(TrainingRequested request, SeriesRef market, CleanChunkRepository.Complete data) {
        Timeframe timeframe = Timeframe.parse(market.timeframe());
        CandleSeries candles = series.get(data.fingerprint(), timeframe);
        if (candles.size() == 0) {
            throw new IllegalArgumentException("the cleaned series is empty");
        }
        long fromMs = candles.openTimeMs(0);
        long untilMs = candles.openTimeMs(candles.size() - 1) + timeframe.durationMs();
        List<ValidationWindow> planned = TrainingRequests.windows(request.validation(), fromMs, untilMs);

        TradingStrategy strategy = TrainingRequests.strategy(request);
        TrainingRequested.Optimization o = request.optimization();
        TrialPlan plan = TrialPlanner.plan(strategy, TrainingRequests.space(request), o.method(),
                o.samples() == null ? 0 : o.samples(), o.seed());
        if (plan.size() == 0) {
            throw new IllegalArgumentException("the parameter space has no valid combination for " + strategy.name());
        }
        List<BacktestRequest.Trial> trials = new ArrayList<>(plan.size());
        for (int i = 0; i < plan.size(); i++) {
            trials.add(new BacktestRequest.Trial(i, plan.trials().get(i).asMap()));
        }
        for (ValidationWindow w : planned) {
            WindowState state = new WindowState();
            state.key = new WindowState.Key(request.jobId(), market.key(), w.index());
            state.trainFromMs = w.trainFromMs();
            state.trainUntilMs = w.trainUntilMs();
            state.testFromMs = w.testFromMs();
            state.testUntilMs = w.testUntilMs();
            state.plannedTrials = trials.size();
            state.status = WindowState.SEARCHING;
            windows.persist(state);
            int batch = config.batchSizeTrials();
            for (int from = 0, b = 0; from < trials.size(); from += batch, b++) {
                publisher.backtestRequest(request(request, market, data.fingerprint(), w.index(), TrialLedger.SEARCH, b,
                        w.trainFromMs(), w.trainUntilMs(), trials.subList(from, Math.min(trials.size(), from + batch))));
            }
        }
        return planned.size() * trials.size();
    }

    /** The out-of-sample backtest of a window's winner, on its test slice. */
    public void requestTest(TrainingRequested request, SeriesRef market, String fingerprint, WindowState window, int trialNumber,
            ParameterSet parameters) {
        publisher.backtestRequest(request(request, market, fingerprint, window.key.windowIndex, TrialLedger.TEST, 0,
                window.testFromMs, window.testUntilMs, List.of(new BacktestRequest.Trial(trialNumber, parameters.asMap()))));
    }

    private static BacktestRequest request(TrainingRequested r, SeriesRef market, String fingerprint, int windowIndex, String purpose,
            int batchIndex, long fromMs, long untilMs, List<BacktestRequest.Trial> trials) {
        String batchId = String.join(":", market.key(), Integer.toString(windowIndex), purpose, Integer.toString(batchIndex));
        TrainingRequested.Costs costs = r.costs() != null ? r.costs()
                : new TrainingRequested.Costs(BacktestSettings.DEFAULT_FEE_PER_SIDE, BacktestSettings.DEFAULT_SLIPPAGE_PER_SIDE);
        return new BacktestRequest(EventTypes.deterministicId(r.jobId(), batchId), BacktestRequest.SCHEMA_VERSION, Instant.now(),
                r.jobId(), batchId, market, fingerprint, windowIndex, purpose, Instant.ofEpochMilli(fromMs),
                Instant.ofEpochMilli(untilMs), r.strategy(),
                r.optimization().objective() == null ? "net_profit" : r.optimization().objective(), r.optimization().minTrades(),
                new BacktestRequest.Costs(costs.feePerSideFraction(), costs.slippagePerSideFraction(),
                        BacktestSettings.DEFAULT_RISK_FRACTION_PER_TRADE),
                List.copyOf(trials));
    }
}
