package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.serde.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EstimateCommandTest {

    @TempDir
    Path dir;

    @Test
    void thePlansExampleRequestFileGivesItsNumbers() throws Exception {
        Path request = dir.resolve("request.json");
        Files.writeString(request, """
                {"strategy": "LIQUIDITY_SWEEP_V3", "pairs": ["BTC/USDT", "ETH/USDT", "SOL/USDT"],
                 "exchanges": ["binance", "kraken"], "timeframes": ["5m", "15m", "1h", "4h"],
                 "optimization": {"method": "grid", "seed": 42, "objective": "net_profit", "minTrades": 10},
                 "validation": {"method": "walk_forward", "trainPeriodDays": 90, "testPeriodDays": 30, "gapPeriodDays": 7},
                 "historicalPeriodMonths": 12, "parallelWorkers": 2}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new EstimateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--request", request.toString(), "--json"));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode j = EventJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(24, j.get("markets").asInt());
        assertEquals(9, j.get("windows").asInt());
        assertEquals(201_600, j.get("backtests_per_window").asLong());
        assertEquals(24L * 9 * 201_600, j.get("total_backtests").asLong());
        assertTrue(j.get("estimated_seconds").asDouble() > 0);
    }

    @Test
    void thePlansExampleInItsOwnFormGivesTheSameNumbers() throws Exception {
        Path request = dir.resolve("plan.json");
        Files.writeString(request, """
                {
                  "strategy": "LIQUIDITY_SWEEP_V3",
                  "pairs": ["BTC/USDT", "ETH/USDT", "SOL/USDT"],
                  "exchanges": ["binance", "kraken"],
                  "timeframes": ["5m", "15m", "1h", "4h"],
                  "optimizationMethod": "grid",
                  "optimizationParams": {},
                  "validationMethod": "walk_forward",
                  "validationParams": {"trainPeriodDays": 90, "testPeriodDays": 30, "gapPeriodDays": 7},
                  "historicalPeriodMonths": 12,
                  "parallelWorkers": 1
                }
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new EstimateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--request", request.toString(), "--json"));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        JsonNode j = EventJson.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(24, j.get("markets").asInt());
        assertEquals(9, j.get("windows").asInt());
        assertEquals(201_600, j.get("backtests_per_window").asLong());
        assertEquals("grid", j.get("search_method").asText());
        assertEquals(1, j.get("parallel_workers").asInt());
    }

    @Test
    void aPlanFormRequestsProblemsAreNamedInItsTermsAndAMixIsRefused() throws Exception {
        Path request = dir.resolve("bad-plan.json");
        Files.writeString(request, """
                {"strategy": "SMA_CROSSOVER", "pairs": ["BTC/USD"], "exchanges": ["bitstamp"], "timeframes": ["1h"],
                 "optimizationMethod": "random", "optimizationParams": {"nSamples": 0, "nSample": 5},
                 "validationMethod": "walk_forward", "validationParams": {"testPeriodDays": 0}, "maxRuntime": 0}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new EstimateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--request", request.toString()));
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        for (String field : List.of("optimizationParams.nSamples", "validationParams.testPeriodDays", "maxRuntime",
                "ignoring unknown field(s) [optimizationParams.nSample]")) {
            assertTrue(message.contains(field), field + " not named in: " + message);
        }
        assertTrue(!message.contains("optimization.samples"), message);

        Path mixed = dir.resolve("mixed.json");
        Files.writeString(mixed, """
                {"strategy": "SMA_CROSSOVER", "pairs": ["BTC/USD"], "exchanges": ["bitstamp"], "timeframes": ["1h"],
                 "optimizationMethod": "grid", "validationMethod": "walk_forward", "optimization": {"method": "grid"}}
                """);
        err.reset();
        code = new EstimateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--request", mixed.toString()));
        assertEquals(BacktestCommand.BAD_DATA, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("optimization: is a field of the canonical form"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInvalidRequestNamesItsFields() throws Exception {
        Path request = dir.resolve("bad.json");
        Files.writeString(request, """
                {"strategy": "SMA_CROSSOVER", "pairs": ["btc-usd"], "exchanges": ["bitstamp"], "timeframes": ["7m"],
                 "optimization": {"method": "bayesian", "seed": 1}, "historicalPeriodMonths": 3, "parallelWorkers": 1}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new EstimateCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of("--request", request.toString()));
        assertEquals(2, code);
        String message = err.toString(StandardCharsets.UTF_8);
        for (String field : List.of("pairs", "timeframes", "optimization.iterations")) {
            assertTrue(message.contains(field), field + " not named in: " + message);
        }
    }
}
