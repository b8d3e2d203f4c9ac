package dev.trainer.optimizer.service;

import dev.trainer.training.progress.WindowStatus;
import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.walkforward.ValidationWindow;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.mapping.TrialSummary;
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
import java.util.List;
import java.util.Set;

/**
 * Plans a market's search: splits its cleaned series into validation windows, records them and sends each window's
 * rounds of trials to the workers in batches. Grid, random and Sobol searches have one round with the same trials
 * in every window (so results line up across windows); Bayesian and CMA-ES searches choose each window's later
 * rounds from its scores ({@link SearchSessions}). Batch event ids follow from their first trial number, so a batch
 * sent again after a crash is the same event, and the workers' results are deduplicated.
 */
@ApplicationScoped
public class SearchPlanner {

    private final SeriesCache series;
    private final WindowStateRepository windows;
    private final OptimizerPublisher publisher;
    private final OptimizerConfig config;
    private final SearchSessions sessions;

    public SearchPlanner(SeriesCache series, WindowStateRepository windows, OptimizerPublisher publisher, OptimizerConfig config,
            SearchSessions sessions) {
        this.sessions = sessions;
        this.series = series;
        this.windows = windows;
        this.publisher = publisher;
        this.config = config;
    }

    /**
     * Plans the market's windows with their first rounds (sent by the {@link TrialDispatcher} as the job's flow allows).
     * Returns how many search trials the windows will run at most (for grids and random or Sobol plans exactly; for
     * adaptive searches their budget); throws IllegalArgumentException when no window fits or no combination is valid.
     */
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
        boolean adaptive = TrainingRequests.method(request).adaptive();
        // one plan shared by every window, or one adaptive search per window
        List<ParameterSet> shared = adaptive ? null : sessions.plan(request);
        int total = 0;
        for (ValidationWindow w : planned) {
            WindowState state = new WindowState();
            state.key = new WindowState.Key(request.jobId(), market.key(), w.index());
            state.trainFromMs = w.trainFromMs();
            state.trainUntilMs = w.trainUntilMs();
            state.testFromMs = w.testFromMs();
            state.testUntilMs = w.testUntilMs();
            state.status = WindowStatus.SEARCHING;
            state.roundStartedTrial = 0;
            state.sentUntilTrial = 0;
            state.lastProgressAt = Instant.now();
            List<ParameterSet> first = adaptive ? sessions.begin(request, state) : shared;
            if (first.isEmpty()) {
                throw new IllegalArgumentException("the parameter space has no valid combination for " + request.strategy());
            }
            state.plannedTrials = first.size();
            state.parameterNames = first.get(0).names().toArray(String[]::new);
            state.metricNames = TrialSummary.NAMES.toArray(String[]::new);
            windows.persist(state);
            total += adaptive ? request.optimization().iterations() : first.size();
        }
        return total;
    }

    /**
     * Sends the trials numbered [{@code fromTrial}, {@code untilTrial}) of a window's current round (the round's
     * trials are numbered from {@code window.roundStartedTrial}) in batches cut at fixed distances from the round's
     * start, after commit; with {@code recorded}, only the batches holding a trial that is not in that set of
     * recorded trial numbers. A batch's event id follows from its first trial number, so a batch sent again is the
     * same event.
     */
    public void sendTrials(TrainingRequested request, SeriesRef market, String fingerprint, WindowState window,
            List<ParameterSet> round, int fromTrial, int untilTrial, Set<Integer> recorded) {
        List<String> names = round.get(0).names();
        int batch = trialsPerBatch(names.size());
        int windowIndex = window.key.windowIndex, first = window.roundStartedTrial;
        long fromMs = window.trainFromMs, untilMs = window.trainUntilMs;
        if ((fromTrial - first) % batch != 0) {
            throw new IllegalArgumentException("trial " + fromTrial + " is not where a batch of the round from trial " + first
                    + " starts");
        }
        // the requests are built while they are sent, one batch at a time: a grid of 200,000 trials held as messages
        // until the commit would take tens of megabytes
        publisher.afterCommit(() -> {
            for (int from = fromTrial; from < untilTrial; from += batch) {
                int to = Math.min(untilTrial, from + batch);
                boolean missing = recorded == null;
                for (int i = from; i < to && !missing; i++) {
                    missing = !recorded.contains(i);
                }
                if (missing) {
                    publisher.backtestRequestNow(request(request, market, fingerprint, windowIndex, TrialLedger.SEARCH,
                            fromMs, untilMs, from, names, round.subList(from - first, to - first), false));
                }
            }
        });
    }

    /**
     * Trials per batch: the configured size, fewer when a request (a value per parameter) or its results (a score
     * and the summary metrics) could exceed the byte limit with every value at its longest JSON form.
     */
    public int trialsPerBatch(int parameters) {
        int valuesPerTrial = Math.max(parameters, 1 + TrialSummary.NAMES.size());
        return Math.max(1, Math.min(config.batchSizeTrials(), config.maxBatchBytes() / (valuesPerTrial * MAX_JSON_DOUBLE_BYTES)));
    }

    /** "-1.2345678901234567E-100" and a comma. */
    static final int MAX_JSON_DOUBLE_BYTES = 25;

    /** The out-of-sample backtest of a window's winner, on its test slice, in detail. */
    public void requestTest(TrainingRequested request, SeriesRef market, String fingerprint, WindowState window, int trialNumber,
            ParameterSet parameters) {
        BacktestRequest test = request(request, market, fingerprint, window.key.windowIndex, TrialLedger.TEST,
                window.testFromMs, window.testUntilMs, trialNumber, parameters.names(), List.of(parameters), true);
        publisher.afterCommit(() -> publisher.backtestRequestNow(test));
    }

    /** A batch of consecutive trials numbered from {@code firstTrial}, as columns of parameter values. */
    static BacktestRequest request(TrainingRequested r, SeriesRef market, String fingerprint, int windowIndex, String purpose,
            long fromMs, long untilMs, int firstTrial, List<String> names, List<ParameterSet> trials, boolean detailed) {
        String batchId = String.join(":", market.key(), Integer.toString(windowIndex), purpose, Integer.toString(firstTrial));
        TrainingRequested.Costs costs = r.costs() != null ? r.costs()
                : new TrainingRequested.Costs(BacktestSettings.DEFAULT_FEE_PER_SIDE, BacktestSettings.DEFAULT_SLIPPAGE_PER_SIDE);
        List<double[]> columns = new ArrayList<>(names.size());
        for (String name : names) {
            double[] column = new double[trials.size()];
            for (int i = 0; i < column.length; i++) {
                column[i] = trials.get(i).get(name);
            }
            columns.add(column);
        }
        return new BacktestRequest(EventTypes.deterministicId(r.jobId(), batchId), BacktestRequest.SCHEMA_VERSION, Instant.now(),
                r.jobId(), batchId, market, fingerprint, windowIndex, purpose, Instant.ofEpochMilli(fromMs),
                Instant.ofEpochMilli(untilMs), r.strategy(),
                r.optimization().objective() == null ? "net_profit" : r.optimization().objective(), r.optimization().minTrades(),
                new BacktestRequest.Costs(costs.feePerSideFraction(), costs.slippagePerSideFraction(),
                        BacktestSettings.DEFAULT_RISK_FRACTION_PER_TRADE),
                firstTrial, List.copyOf(names), columns, detailed);
    }
}
