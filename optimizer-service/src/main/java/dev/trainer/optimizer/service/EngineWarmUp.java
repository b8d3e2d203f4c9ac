package dev.trainer.optimizer.service;

import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticMarket;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.ParameterSearches;
import dev.trainer.domain.optimize.SearchMethod;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.PreparedSeries;
import dev.trainer.domain.strategy.StrategyCatalog;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.optimizer.config.OptimizerConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Runs the workers' backtest path on a seeded synthetic series for a few seconds after start, so that the first
 * job's trials run compiled code instead of paying for the JIT (the first job after a start took 11 - 14 s against
 * the 10 s a warm one needs). The service reports itself ready only afterwards ({@code EngineWarmUpCheck}), so
 * {@code bin/trainer up} and a Kubernetes readiness probe wait for it. {@code optimizer.warm-up} 0 turns it off.
 */
@ApplicationScoped
public class EngineWarmUp {

    private static final Logger LOG = Logger.getLogger(EngineWarmUp.class);
    /** About three and a half days of one-minute bars: the size of a bench-service train slice. */
    private static final int BARS = 5_000;

    private final Duration budget;
    private volatile boolean done;
    private volatile long backtests;

    public EngineWarmUp(OptimizerConfig config) {
        this.budget = config.warmUp();
    }

    void start(@Observes StartupEvent event) {
        if (budget.isZero() || budget.isNegative()) {
            done = true;
            return;
        }
        Thread thread = new Thread(this::run, "engine-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    void run() {
        long started = System.nanoTime();
        long deadline = started + budget.toNanos();
        try {
            long fromMs = 1_700_000_000_000L / Timeframe.M1.durationMs() * Timeframe.M1.durationMs();
            CandleSeries series = SyntheticMarket.series(7, "warm-up", "BTC/USDT", Timeframe.M1, fromMs,
                    fromMs + BARS * Timeframe.M1.durationMs());
            Backtester backtester = new Backtester();
            BacktestSettings settings = BacktestSettings.defaults();
            // the plan's strategy first: it is the one the benchmarks and the plan's request run
            List<String> order = StrategyCatalog.names().stream()
                    .sorted((a, b) -> Boolean.compare(!a.equals("LIQUIDITY_SWEEP_V3"), !b.equals("LIQUIDITY_SWEEP_V3"))).toList();
            // every strategy once, then the plan's strategy again with fresh samples until the budget is spent: the
            // JIT compiles a loop only after it has run for a while
            for (int pass = 0; System.nanoTime() < deadline; pass++) {
                for (String name : pass == 0 ? order : order.subList(0, 1)) {
                    TradingStrategy strategy = StrategyCatalog.get(name);
                    PreparedSeries prepared = strategy.prepare(series);
                    List<ParameterSet> sample = ParameterSearches.create(SearchMethod.RANDOM, strategy,
                            strategy.defaultSpace(), 2_000, null, 7 + pass, 8).ask();
                    for (ParameterSet parameters : sample) {
                        if (System.nanoTime() > deadline) {
                            return;
                        }
                        backtester.metrics(prepared, strategy, parameters, settings);
                        backtests++;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the engine's warm-up stopped early; the first job pays for the JIT instead", e);
        } finally {
            done = true;
            LOG.infof("engine warmed up: %d backtests in %.1f s", backtests, (System.nanoTime() - started) / 1e9);
        }
    }

    public boolean done() {
        return done;
    }

    public long backtests() {
        return backtests;
    }
}
