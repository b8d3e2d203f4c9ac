package dev.trainer.training;

import dev.trainer.contracts.events.SeriesRef;
import dev.trainer.contracts.events.TrainingRequested;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.ListedSearch;
import dev.trainer.domain.optimize.ParameterSearch;
import dev.trainer.domain.optimize.TrialPlanner;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.TradingStrategy;
import dev.trainer.domain.walkforward.ValidationWindow;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How big a training request is before it runs (the plan's Estimate Runtime): its markets, validation windows and
 * backtests, and the time they take at the engine's throughput measured on this machine.
 *
 * <p>Windows are counted over the requested period (the data a market really has may be shorter). Backtests per
 * window: every accepted point for grid, random and Sobol searches; the budget ({@code iterations}) for Bayesian
 * and CMA-ES searches, which may stop earlier. Each window adds one out-of-sample backtest of its winner. The time
 * assumes every one of {@code parallelWorkers} workers runs as fast as this machine did.
 */
public record TrainingEstimate(int markets, int windows, long backtestsPerWindow, long totalBacktests,
        long outOfSampleBacktests, double estimatedSeconds, Instant periodFrom, Instant periodUntil,
        String validationMethod, String searchMethod, int parallelWorkers, EngineThroughput throughput) {

    /**
     * The throughput is measured on the search's own trials (all of them up to 250,000, so a grid's shared
     * intermediates are shared as in the real search; beyond, evenly spread blocks) over a short reference series.
     */
    static final int REFERENCE_BARS = 5_000;
    static final int MEASURED_TRIALS = 250_000;
    static final int SAMPLE_BLOCK = 25;

    /** What keeps a request from being estimated: the validator's problems but for jobId and userId. */
    public static List<TrainingRequestValidator.FieldProblem> problems(TrainingRequested r) {
        // who asks and under which job id do not change the size of a request
        return TrainingRequestValidator.problems(r).stream()
                .filter(p -> !p.field().equals("jobId") && !p.field().equals("userId")).toList();
    }

    public static TrainingEstimate of(TrainingRequested r, Instant now, int threads) {
        List<TrainingRequestValidator.FieldProblem> problems = problems(r);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid training request: " + problems.stream()
                    .map(p -> p.field() + ": " + p.message()).toList());
        }
        Instant[] period = TrainingRequests.period(r, now);
        long fromMs = period[0].toEpochMilli(), untilMs = period[1].toEpochMilli();
        List<ValidationWindow> windows = TrainingRequests.windows(r.validation(), fromMs, untilMs);
        TradingStrategy strategy = TrainingRequests.strategy(r);
        ParameterSearch search = TrainingRequests.search(r);
        long perWindow = search.budget();
        List<ParameterSet> sample = search instanceof ListedSearch listed
                ? EngineThroughput.spreadSample(listed.plan().trials(), MEASURED_TRIALS, SAMPLE_BLOCK)
                : TrialPlanner.plan(strategy, TrainingRequests.space(r), "random", (int) Math.min(perWindow, 2_000), 1).trials();
        EngineThroughput throughput = EngineThroughput.measure(strategy, sample, REFERENCE_BARS, threads);

        List<SeriesRef> markets = r.markets();
        double seconds = 0;
        for (SeriesRef market : markets) {
            long barMs = Timeframe.parse(market.timeframe()).durationMs();
            for (ValidationWindow w : windows) {
                seconds += throughput.secondsFor(perWindow, (w.trainUntilMs() - w.trainFromMs()) / barMs);
                seconds += throughput.secondsFor(1, (w.testUntilMs() - w.testFromMs()) / barMs);
            }
        }
        int workers = Math.max(1, r.parallelWorkers());
        String validation = r.validation() == null ? "train_test_split" : r.validation().method();
        return new TrainingEstimate(markets.size(), windows.size(), perWindow, perWindow * windows.size() * markets.size(),
                (long) windows.size() * markets.size(), seconds / workers, period[0], period[1], validation,
                TrainingRequests.method(r).label(), workers, throughput);
    }

    /** The snake_case form printed by {@code bin/trainer estimate --json} and served by the optimizer. */
    public Map<String, Object> toJsonLike() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("markets", markets);
        m.put("windows", windows);
        m.put("backtests_per_window", backtestsPerWindow);
        m.put("total_backtests", totalBacktests);
        m.put("out_of_sample_backtests", outOfSampleBacktests);
        m.put("estimated_seconds", Math.round(estimatedSeconds * 10) / 10.0);
        m.put("period_from", periodFrom.toString());
        m.put("period_until", periodUntil.toString());
        m.put("validation_method", validationMethod);
        m.put("search_method", searchMethod);
        m.put("parallel_workers", parallelWorkers);
        m.put("measured_backtests_per_second", Math.round(throughput.backtestsPerSecond()));
        m.put("measured_on_bars", throughput.bars());
        m.put("measured_threads", throughput.threads());
        return m;
    }
}
