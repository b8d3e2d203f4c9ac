package dev.trainer.optimizer.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.domain.backtest.BacktestResult;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Metrics;
import dev.trainer.domain.backtest.Trade;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.optimizer.config.OptimizerConfig;
import dev.trainer.optimizer.mapping.TrialSummary;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker role of this service: runs one batch of parameter sets on a prepared slice of a cached series with the
 * domain engine and answers with every trial's score and summary metrics as columns; a detailed request also gets
 * full metrics and per-period returns. Stateless apart from the caches, so any replica can take any batch, and the
 * optimizer replays trials with the same code ({@link TrialReplays}).
 */
@ApplicationScoped
public class BacktestWorker {

    static final int MAX_ERROR_CHARS = 160;

    private final PreparedSlices slices;
    private final Backtester backtester = new Backtester();
    private final String workerId;

    public BacktestWorker(PreparedSlices slices, OptimizerConfig config) {
        this.slices = slices;
        this.workerId = config.workerId().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    public BacktestResults run(BacktestRequest request) {
        long started = System.nanoTime();
        PreparedSeries prepared = slices.get(new PreparedSlices.Key(request.fingerprint(), request.market().timeframe(),
                request.strategy(), request.sliceFrom().toEpochMilli(), request.sliceUntil().toEpochMilli()));
        return run(request, prepared, started);
    }

    /**
     * Runs a batch on a slice prepared by the caller: the engine's warm-up ({@link EngineWarmUp}) runs this same code
     * on a synthetic series that no cache holds.
     */
    BacktestResults run(BacktestRequest request, PreparedSeries prepared, long started) {
        TradingStrategy strategy = StrategyCatalog.get(request.strategy());
        Objective objective = Objective.parse(request.objective());
        BacktestSettings settings = BacktestSettings.defaults()
                .withFeePerSide(request.costs().feePerSideFraction())
                .withSlippagePerSide(request.costs().slippagePerSideFraction())
                .withRiskFractionPerTrade(request.costs().riskPerTradeFraction());
        int count = request.trialCount();
        double[] scores = new double[count];
        List<double[]> metrics = new ArrayList<>(TrialSummary.NAMES.size());
        for (int m = 0; m < TrialSummary.NAMES.size(); m++) {
            metrics.add(new double[count]);
        }
        List<BacktestResults.TrialError> errors = new ArrayList<>(0);
        List<BacktestResults.TrialDetail> details = request.detailed() ? new ArrayList<>(count) : null;
        double[] values = new double[request.parameterNames().size()];
        for (int i = 0; i < count; i++) {
            int number = request.firstTrial() + i;
            try {
                for (int p = 0; p < values.length; p++) {
                    values[p] = request.parameterValues().get(p)[i];
                }
                ParameterSet params = ParameterSet.of(request.parameterNames(), values);
                Metrics result;
                if (details == null) {
                    result = backtester.metrics(prepared, strategy, params, settings);
                } else {
                    BacktestResult full = backtester.run(prepared, strategy, params, settings);
                    result = full.metrics();
                    details.add(new BacktestResults.TrialDetail(number, result.toJsonLike(), full.dailyReturns(),
                            full.trades().stream().mapToDouble(Trade::returnFraction).toArray()));
                }
                double score = objective.score(result, request.minTrades());
                scores[i] = Double.isFinite(score) ? score : Double.NaN;
                TrialSummary.write(result, metrics, i);
            } catch (RuntimeException e) {
                scores[i] = Double.NaN;
                for (double[] column : metrics) {
                    column[i] = Double.NaN;
                }
                errors.add(new BacktestResults.TrialError(number, errorMessage(e)));
            }
        }
        return new BacktestResults(EventTypes.deterministicId(request.eventId(), "results"), BacktestResults.SCHEMA_VERSION,
                Instant.now(), request.eventId(), request.jobId(), request.batchId(), request.market(), request.windowIndex(),
                request.purpose(), workerId, (System.nanoTime() - started) / 1_000_000, request.firstTrial(), count, scores,
                TrialSummary.NAMES, metrics, errors, details);
    }

    /**
     * A trial's failure as the results carry it, cut to {@value #MAX_ERROR_CHARS} characters: the batch's byte cap
     * counts the columns only, and messages that quote a whole parameter set could otherwise push a batch of failing
     * trials past Kafka's 1 MB record limit.
     */
    static String errorMessage(RuntimeException e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() <= MAX_ERROR_CHARS ? message : message.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }
}
