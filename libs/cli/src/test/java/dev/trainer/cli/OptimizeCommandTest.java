package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.SyntheticSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.optimize.Objective;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.StrategyCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptimizeCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return EventJson.mapper().readTree(out);
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new OptimizeCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path candles(CandleSeries s) throws Exception {
        StringBuilder text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (int i = 0; i < s.size(); i++) {
            text.append(s.openTimeMs(i)).append(',').append(s.open(i)).append(',').append(s.high(i)).append(',')
                    .append(s.low(i)).append(',').append(s.close(i)).append(',').append(s.volume(i)).append('\n');
        }
        Path file = dir.resolve("candles.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void bayesianSearchPrintsTheIssuesFieldsAndTheBestScoreIsTheEnginesOwn() throws Exception {
        CandleSeries series = SyntheticSeries.randomWalk(3_000, 9, Timeframe.M15, 0.003);
        Path file = candles(series);
        Path space = dir.resolve("space.json");
        Files.writeString(space, "{\"fast\": {\"min\": 2, \"max\": 40, \"type\": \"int\"}, \"slow\": {\"min\": 20, \"max\": 200, \"type\": \"int\"}}");
        Result r = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "bayesian", "--space",
                space.toString(), "--iterations", "40", "--seed", "5", "--threads", "2", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        for (String field : List.of("best_params", "best_score", "trials", "elapsed_ms", "backtests_per_second")) {
            assertTrue(j.has(field), field + " missing in " + r.out());
        }
        assertEquals(40, j.get("trials").asInt());
        ParameterSet best = ParameterSet.of(Map.of("fast", j.get("best_params").get("fast").asDouble(),
                "slow", j.get("best_params").get("slow").asDouble()));
        double recomputed = Objective.NET_PROFIT.score(new Backtester().metrics(
                StrategyCatalog.get("SMA_CROSSOVER").prepare(series), StrategyCatalog.get("SMA_CROSSOVER"), best,
                BacktestSettings.defaults()), 1);
        assertEquals(recomputed, j.get("best_score").asDouble(), 1e-12);

        // the same seed gives the same answer whatever the number of threads; another seed searches elsewhere
        JsonNode oneThread = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "bayesian",
                "--space", space.toString(), "--iterations", "40", "--seed", "5", "--threads", "1", "--json").json();
        assertEquals(j.get("best_params"), oneThread.get("best_params"));
        assertEquals(j.get("best_score"), oneThread.get("best_score"));
    }

    @Test
    void gridSearchEvaluatesEveryAcceptedPointOfTheDefaultSpace() throws Exception {
        Path file = candles(SyntheticSeries.randomWalk(1_500, 2, Timeframe.H1, 0.004));
        Result r = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "grid", "--json");
        assertEquals(0, r.code(), r.err());
        assertEquals(StrategyCatalog.get("SMA_CROSSOVER").defaultSpace().gridSize(), r.json().get("trials").asLong());
        assertTrue(r.err().contains("trials"), "progress on standard error: " + r.err());
    }

    @Test
    void badInputEndsWithAReasonAndANonZeroExit() throws Exception {
        Path file = candles(SyntheticSeries.randomWalk(500, 2, Timeframe.H1, 0.004));
        Result unknownMethod = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "annealing");
        assertEquals(2, unknownMethod.code());
        assertTrue(unknownMethod.err().contains("annealing"), unknownMethod.err());
        Result rangeForGrid = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "grid", "--space",
                writeSpace("{\"fast\": {\"min\": 2, \"max\": 9}, \"slow\": [20, 30]}").toString());
        assertEquals(2, rangeForGrid.code());
        assertTrue(rangeForGrid.err().contains("grid search needs"), rangeForGrid.err());
        Result missingFile = run("--candles", dir.resolve("none.csv").toString(), "--strategy", "SMA_CROSSOVER", "--method", "grid");
        assertEquals(1, missingFile.code());
        assertNotEquals("", missingFile.err());
        Result badSpace = run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--method", "random", "--space",
                writeSpace("{\"fast\": \"many\"}").toString());
        assertEquals(1, badSpace.code());
        assertTrue(badSpace.err().contains("fast"), badSpace.err());
    }

    private Path writeSpace(String json) throws Exception {
        Path space = dir.resolve("space-" + json.hashCode() + ".json");
        Files.writeString(space, json);
        return space;
    }
}
