package dev.trainer.optimizer.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.domain.backtest.BacktestResult;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Trade;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.optimizer.config.OptimizerConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The worker role of this service: runs one batch of parameter sets on a slice of a cached series with the domain
 * engine and answers with one result per trial. Stateless apart from the cache, so any replica can take any batch.
 */
@ApplicationScoped
public class BacktestWorker {

    private final SeriesCache series;
    private final Backtester backtester = new Backtester();
    private final String workerId;

    public BacktestWorker(SeriesCache series, OptimizerConfig config) {
        this.series = series;
        this.workerId = config.workerId().orElseGet(() -> ManagementFactory.getRuntimeMXBean().getName());
    }

    public BacktestResults run(BacktestRequest request) {
        long started = System.nanoTime();
        CandleSeries full = series.get(request.fingerprint(), Timeframe.parse(request.market().timeframe()));
        CandleSeries slice = full.between(request.sliceFrom().toEpochMilli(), request.sliceUntil().toEpochMilli());
        TradingStrategy strategy = StrategyCatalog.get(request.strategy());
        Objective objective = Objective.parse(request.objective());
        BacktestSettings settings = BacktestSettings.defaults()
                .withFeePerSide(request.costs().feePerSideFraction())
                .withSlippagePerSide(request.costs().slippagePerSideFraction())
                .withRiskFractionPerTrade(request.costs().riskPerTradeFraction());
        // indicators computed once for the whole batch, shared by all its parameter sets
        PreparedSeries prepared = strategy.prepare(slice);
        List<BacktestResults.TrialResult> results = new ArrayList<>(request.trials().size());
        for (BacktestRequest.Trial trial : request.trials()) {
            results.add(runTrial(prepared, strategy, objective, request.minTrades(), settings, trial));
        }
        return new BacktestResults(EventTypes.deterministicId(request.eventId(), "results"), BacktestResults.SCHEMA_VERSION,
                Instant.now(), request.eventId(), request.jobId(), request.batchId(), request.market(), request.windowIndex(),
                request.purpose(), workerId, (System.nanoTime() - started) / 1_000_000, results);
    }

    private BacktestResults.TrialResult runTrial(PreparedSeries prepared, TradingStrategy strategy, Objective objective,
            int minTrades, BacktestSettings settings, BacktestRequest.Trial trial) {
        try {
            ParameterSet params = ParameterSet.of(trial.parameters());
            strategy.validate(params);
            BacktestResult result = backtester.run(prepared, strategy, params, settings);
            double score = objective.score(result.metrics(), minTrades);
            double[] tradeReturns = result.trades().stream().mapToDouble(Trade::returnFraction).toArray();
            return new BacktestResults.TrialResult(trial.trialNumber(), trial.parameters(),
                    Double.isFinite(score) ? score : null, result.metrics().toJsonLike(), result.dailyReturns(), tradeReturns, null);
        } catch (RuntimeException e) {
            return new BacktestResults.TrialResult(trial.trialNumber(), trial.parameters(), null, null, null, null,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
