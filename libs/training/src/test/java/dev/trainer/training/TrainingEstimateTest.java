package dev.trainer.training;

import dev.trainer.contracts.events.TrainingRequested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingEstimateTest {

    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    static TrainingRequested request(String strategy, TrainingRequested.Optimization o, TrainingRequested.Validation v,
            List<String> pairs, List<String> exchanges, List<String> timeframes, int months) {
        return new TrainingRequested("e1", TrainingRequested.SCHEMA_VERSION, NOW, null, null, strategy, pairs, exchanges,
                timeframes, o, v, months, null, null, null, 1, null);
    }

    @Test
    void thePlansOwnExampleComesOutRight() {
        TrainingRequested r = request("LIQUIDITY_SWEEP_V3",
                new TrainingRequested.Optimization("grid", null, null, 42, "net_profit", 10, null),
                new TrainingRequested.Validation("walk_forward", 90, 30, 7, null),
                List.of("BTC/USDT", "ETH/USDT", "SOL/USDT"), List.of("binance", "kraken"), List.of("5m", "15m", "1h", "4h"), 12);
        TrainingEstimate e = TrainingEstimate.of(r, NOW, 2);
        assertEquals(24, e.markets());
        assertEquals(9, e.windows());
        assertEquals(201_600, e.backtestsPerWindow());
        assertEquals(24L * 9 * 201_600, e.totalBacktests());
        assertEquals(24 * 9, e.outOfSampleBacktests());
        assertTrue(e.estimatedSeconds() > 0 && Double.isFinite(e.estimatedSeconds()), "seconds " + e.estimatedSeconds());
        assertTrue(e.throughput().backtestsPerSecond() > 0);
        assertEquals(201_600L, e.toJsonLike().get("backtests_per_window"));
    }

    @Test
    void adaptiveSearchesCountTheirBudgetAndTimeScalesWithWorkers() {
        TrainingRequested.Optimization bayes = new TrainingRequested.Optimization("bayesian", null, 150, 1, "sharpe", 5, null);
        TrainingRequested one = request("SMA_CROSSOVER", bayes, new TrainingRequested.Validation("train_test_split", null, null, null, 0.7),
                List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6);
        TrainingEstimate e = TrainingEstimate.of(one, NOW, 1);
        assertEquals(1, e.windows());
        assertEquals(150, e.backtestsPerWindow());
        assertEquals(150, e.totalBacktests());
    }

    @Test
    void theOrderOfTheSpacesKeysDoesNotChangeTheTrials() {
        java.util.Map<String, Object> fastFirst = new java.util.LinkedHashMap<>(), slowFirst = new java.util.LinkedHashMap<>();
        fastFirst.put("fast", java.util.Map.of("min", 2, "max", 30, "type", "int"));
        fastFirst.put("slow", java.util.Map.of("min", 10, "max", 200, "type", "int"));
        slowFirst.put("slow", fastFirst.get("slow"));
        slowFirst.put("fast", fastFirst.get("fast"));
        var a = TrainingRequests.search(request("SMA_CROSSOVER", new TrainingRequested.Optimization("bayesian", null, 20, 3, null, 0,
                fastFirst), null, List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6)).ask();
        var b = TrainingRequests.search(request("SMA_CROSSOVER", new TrainingRequested.Optimization("bayesian", null, 20, 3, null, 0,
                slowFirst), null, List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6)).ask();
        assertEquals(a, b);
        assertEquals(List.of("fast", "slow"), a.get(0).names());
    }

    @Test
    void aRequestThatDoesNotFitSaysWhatWould() {
        TrainingRequested r = request("SMA_CROSSOVER", new TrainingRequested.Optimization("grid", null, null, 1, null, 0, null),
                new TrainingRequested.Validation("walk_forward", 90, 30, 7, null), List.of("BTC/USD"), List.of("bitstamp"),
                List.of("1h"), 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingEstimate.of(r, NOW, 1));
        assertTrue(e.getMessage().contains("what would fit"), e.getMessage());
    }

    @Test
    void validatorNamesTheSearchesMissingSettingsAndUnknownMethods() {
        TrainingRequested noBudget = request("SMA_CROSSOVER", new TrainingRequested.Optimization("cmaes", 1, null, 1, null, 0, null),
                null, List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6);
        List<String> fields = TrainingRequestValidator.problems(noBudget).stream().map(TrainingRequestValidator.FieldProblem::field).toList();
        assertTrue(fields.contains("optimization.iterations"), fields.toString());
        assertTrue(fields.contains("optimization.samples"), "a population of 1: " + fields);

        TrainingRequested bayes = request("SMA_CROSSOVER", new TrainingRequested.Optimization("bayesian", null, 50, 1, null, 0, null),
                null, List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6);
        assertTrue(TrainingRequestValidator.problems(bayes).stream().noneMatch(p -> p.field().startsWith("optimization")));

        TrainingRequested unknown = request("SMA_CROSSOVER", new TrainingRequested.Optimization("annealing", null, null, 1, null, 0, null),
                null, List.of("BTC/USD"), List.of("bitstamp"), List.of("1h"), 6);
        assertTrue(TrainingRequestValidator.problems(unknown).stream()
                .anyMatch(p -> p.field().equals("optimization.method") && p.message().contains("annealing")));
    }
}
