package dev.trainer.optimizer.service;

import dev.trainer.contracts.EventTypes;
import dev.trainer.contracts.Topics;
import dev.trainer.contracts.events.BacktestRequest;
import dev.trainer.contracts.events.BacktestResults;
import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.contracts.events.TrainingStatus;
import dev.trainer.contracts.serde.JsonEventDeserializer;
import dev.trainer.contracts.serde.JsonEventSerializer;
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
import dev.trainer.optimizer.repository.TrialLedger;
import dev.trainer.support.StartupWarmUp;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs the workers' batch path on a seeded synthetic series for a few seconds after start, so that the first job's
 * trials run compiled code instead of paying for the JIT (the first job after a start took 11 - 14 s against the 10 s a
 * warm one needs). The path is the whole of a batch's life in this process, not the engine alone: the request as the
 * planner builds it, through the topics' JSON serializer and deserializer, the worker's own code, and the results
 * through the serializer and deserializer again (and a training request and a status through theirs). With the engine
 * alone warmed, the first job's search still took twice a warm job's (11.7 s against 5.9 s); each hop of its batches
 * goes through Jackson, whose first read of a 440 KB results record took 1.1 s in a fresh JVM against 0.07 s the second
 * time. Nothing leaves the process: no record is sent and nothing is stored. The service reports itself ready only
 * afterwards ({@code EngineWarmUpCheck}), so {@code bin/trainer up} and a Kubernetes readiness probe wait for it.
 * {@code optimizer.warm-up} 0 turns it off.
 */
@ApplicationScoped
public class EngineWarmUp {

    private static final Logger LOG = Logger.getLogger(EngineWarmUp.class);
    /** About three and a half days of one-minute bars: the size of a bench-service train slice. */
    private static final int BARS = 5_000;

    /** Fewer trials than a real batch (4,000), so the JSON paths run many times within the budget. */
    private static final int TRIALS_PER_BATCH = 500;

    private final Duration budget;
    private final BacktestWorker worker;
    private volatile boolean done;
    private volatile long backtests;
    private double firstRate;
    private double lastRate;

    public EngineWarmUp(OptimizerConfig config, BacktestWorker worker) {
        this.budget = config.warmUp();
        this.worker = worker;
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
        try (JsonEventSerializer serializer = new JsonEventSerializer();
                JsonEventDeserializer requests = new JsonEventDeserializer(BacktestRequest.class);
                JsonEventDeserializer results = new JsonEventDeserializer(BacktestResults.class)) {
            long fromMs = 1_700_000_000_000L / Timeframe.M1.durationMs() * Timeframe.M1.durationMs();
            long untilMs = fromMs + BARS * Timeframe.M1.durationMs();
            CandleSeries series = SyntheticMarket.series(7, "warm-up", "BTC/USDT", Timeframe.M1, fromMs, untilMs);
            SeriesRef market = new SeriesRef("warm-up", "BTC/USDT", Timeframe.M1.label());
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
                    TrainingRequested request = StartupWarmUp.roundTrip(Topics.TRAINING_REQUESTS, request(name, series, pass));
                    StartupWarmUp.roundTrip(Topics.TRAINING_STATUS, new TrainingStatus(EventTypes.newEventId(),
                            TrainingStatus.SCHEMA_VERSION, Instant.now(), request.jobId(), "warm-up", market,
                            TrainingStatus.State.MARKET_CLEANED, "warm-up", Map.of("candle_count", BARS)));
                    for (int first = 0; first < sample.size(); first += TRIALS_PER_BATCH) {
                        // one batch at least, however late: on a loaded machine the budget could otherwise pass
                        // before the first one and leave everything cold
                        if (System.nanoTime() > deadline && backtests > 0) {
                            return;
                        }
                        long batchStarted = System.nanoTime();
                        List<ParameterSet> trials = sample.subList(first, Math.min(sample.size(), first + TRIALS_PER_BATCH));
                        // the winner's replay and out-of-sample test are detailed batches of one trial
                        batch(serializer, requests, results, prepared, request, market, fromMs, untilMs, first,
                                trials.subList(0, 1), true);
                        batch(serializer, requests, results, prepared, request, market, fromMs, untilMs, first, trials, false);
                        backtests += trials.size() + 1;
                        double rate = (trials.size() + 1) * 1e9 / (System.nanoTime() - batchStarted);
                        firstRate = firstRate == 0 ? rate : firstRate;
                        lastRate = rate;
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("the engine's warm-up stopped early; the first job pays for the JIT instead", e);
        } finally {
            done = true;
            LOG.infof("engine warmed up: %d backtests in %.1f s; the first batch ran %.0f backtests/s, the last %.0f",
                    backtests, (System.nanoTime() - started) / 1e9, firstRate, lastRate);
        }
    }

    /** One batch as a worker sees it: the request and the results each through the topics' JSON both ways. */
    private void batch(JsonEventSerializer serializer, JsonEventDeserializer requests, JsonEventDeserializer results,
            PreparedSeries prepared, TrainingRequested request, SeriesRef market, long fromMs, long untilMs, int firstTrial,
            List<ParameterSet> trials, boolean detailed) {
        BacktestRequest sent = SearchPlanner.request(request, market, "warm-up", 0, detailed ? TrialLedger.TEST : TrialLedger.SEARCH,
                fromMs, untilMs, firstTrial, trials.get(0).names(), trials, detailed);
        BacktestRequest received = (BacktestRequest) requests.deserialize(Topics.BACKTEST_REQUESTS,
                serializer.serialize(Topics.BACKTEST_REQUESTS, sent));
        BacktestResults answered = worker.run(received, prepared, System.nanoTime());
        results.deserialize(Topics.BACKTEST_RESULTS, serializer.serialize(Topics.BACKTEST_RESULTS, answered));
    }

    /** A grid request for the warm-up's series, as a client would send it; it only shapes the batches. */
    private static TrainingRequested request(String strategy, CandleSeries series, int pass) {
        return new TrainingRequested("warm-up-" + pass, TrainingRequested.SCHEMA_VERSION, Instant.now(), "warm-up-" + pass,
                "warm-up", strategy, List.of("BTC/USDT"), List.of("warm-up"), List.of(Timeframe.M1.label()),
                new TrainingRequested.Optimization("grid", null, null, 7, "net_profit", 1, null), null, 1,
                Instant.ofEpochMilli(series.openTimeMs(0)), Instant.ofEpochMilli(series.openTimeMs(series.size() - 1)), null, 1,
                new TrainingRequested.Costs(0.001, 0.0005));
    }

    public boolean done() {
        return done;
    }

    public long backtests() {
        return backtests;
    }
}
