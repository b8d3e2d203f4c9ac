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

class StatsCommandTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return EventJson.mapper().readTree(out);
        }

        double number() {
            return Double.parseDouble(out.trim());
        }
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = new StatsCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void psrPrintsTheEfficientFrontierExample() throws Exception {
        String monthly = Double.toString(1.585 / Math.sqrt(12));
        Result text = run("psr", "--sharpe", monthly, "--observations", "24", "--skew", "-2.448", "--kurtosis", "10.164");
        assertEquals(0, text.code(), text.err());
        assertEquals(0.9132, text.number(), 5e-5);

        Result json = run("psr", "--sharpe", monthly, "--observations", "24", "--skew", "-2.448", "--kurtosis", "10.164",
                "--benchmark", "0", "--json");
        JsonNode j = json.json();
        assertEquals("psr", j.get("statistic").asText());
        assertEquals(24, j.get("observations").asLong());
        assertEquals(10.164, j.get("kurtosis_raw").asDouble(), 0);
        assertEquals(text.number(), j.get("psr").asDouble(), 0);
    }

    @Test
    void psrRejectsExcessKurtosisAsAUsageError() {
        Result r = run("psr", "--sharpe", "0.1", "--observations", "100", "--skew", "0", "--kurtosis", "0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("raw") && r.err().contains("usage:"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void dsrPrintsTheDeflatedSharpeExampleWithItsBenchmark() throws Exception {
        Result r = run("dsr", "--sharpe", Double.toString(2.5 / Math.sqrt(250)), "--observations", "1250", "--skew", "-3",
                "--kurtosis", "10", "--trials", "100", "--trial-sharpe-variance", Double.toString(0.5 / 250), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = r.json();
        assertEquals(0.9004, j.get("dsr").asDouble(), 5e-5);
        assertEquals(0.1132, j.get("expected_max_sharpe_per_period").asDouble(), 5e-5);
        assertEquals(100, j.get("trials").asLong());
    }

    @Test
    void dsrWithoutTheNumberOfTrialsIsAUsageError() {
        Result r = run("dsr", "--sharpe", "0.1", "--observations", "1250", "--skew", "0", "--kurtosis", "3",
                "--trial-sharpe-variance", "0.002");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--trials"), r.err());
    }

    @Test
    void mintrlPrintsObservationsAndDefaultsToNinetyFivePercent() throws Exception {
        String[] args = {"mintrl", "--sharpe", Double.toString(2 / Math.sqrt(12)), "--benchmark",
                Double.toString(1 / Math.sqrt(12)), "--skew", "-0.72", "--kurtosis", "3"};
        Result r = run(args);
        assertEquals(0, r.code(), r.err());
        assertEquals(52.3737, r.number(), 1e-4);
        Result stricter = run(append(args, "--confidence", "0.99", "--json"));
        assertEquals(0.99, stricter.json().get("confidence").asDouble(), 0);
        assertTrue(stricter.json().get("min_trl_observations").asDouble() > r.number());
    }

    @Test
    void mintrlWithASharpeRatioBelowTheBenchmarkHasNoAnswer() throws Exception {
        Result r = run("mintrl", "--sharpe", "0.05", "--benchmark", "0.1", "--skew", "0", "--kurtosis", "3", "--json");
        assertEquals(1, r.code());
        assertTrue(r.json().get("min_trl_observations").isNull());
        assertTrue(r.json().get("min_trl_observations_undefined_reason").asText().contains("not above"), r.out());
        assertEquals(2, run("mintrl", "--sharpe", "0.2", "--skew", "0", "--kurtosis", "3", "--confidence", "1.5").code());
    }

    @Test
    void pboOfTheFourBlockExample() throws Exception {
        // the hand-worked example of BacktestOverfittingTest: PBO 1/3 by mean over S = 4 blocks of one period each
        Path returns = file("returns.csv", "A,B,\"C\"\n4,1,2\n3,2,1\n\n-2,1,3\n-1,0,2\n");
        Result text = run("pbo", "--returns", returns.toString(), "--partitions", "4", "--metric", "mean");
        assertEquals(0, text.code(), text.err());
        assertEquals(1.0 / 3, text.number(), 1e-15);

        JsonNode j = run("pbo", "--returns", returns.toString(), "--partitions", "4", "--metric", "mean", "--json").json();
        assertEquals(6, j.get("combinations").asInt());
        assertEquals(3, j.get("trials").asInt());
        assertEquals(4, j.get("periods").asInt());
        assertEquals("mean", j.get("metric").asText());
        assertEquals((3 * Math.log(3) + Math.log(0.6)) / 6, j.get("logit_mean").asDouble(), 1e-14);
    }

    @Test
    void pboNamesTheLineOfABadRow() throws Exception {
        Path returns = file("returns.csv", "A,B,C\n0.01,0.02,0.0\n0.01,x,0.02\n");
        Result r = run("pbo", "--returns", returns.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("line 3") && r.err().contains("trial B"), r.err());

        Result ragged = run("pbo", "--returns", file("ragged.csv", "A,B\n0.1,0.2\n0.3\n").toString());
        assertEquals(1, ragged.code());
        assertTrue(ragged.err().contains("line 3: 1 values, expected 2"), ragged.err());
        assertEquals(1, run("pbo", "--returns", dir.resolve("missing.csv").toString()).code());
    }

    @Test
    void pboWithTooFewPeriodsOrBadOptions() throws Exception {
        Path returns = file("short.csv", "A,B\n0.1,0.2\n0.3,0.1\n");
        Result tooShort = run("pbo", "--returns", returns.toString());
        assertEquals(1, tooShort.code());
        assertTrue(tooShort.out().startsWith("undefined: fewer periods (2) than partitions (16)"), tooShort.out());
        assertEquals(2, run("pbo", "--returns", returns.toString(), "--partitions", "5").code());
        assertEquals(2, run("pbo", "--returns", returns.toString(), "--metric", "sortino").code());
    }

    @Test
    void unknownStatisticsAndOptionsAreUsageErrors() {
        assertEquals(2, run().code());
        assertEquals(2, run("sharpe").code());
        Result r = run("psr", "--sharpe", "0.1", "--observations", "10", "--skew", "0", "--kurtosis", "3", "--trials", "5");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown option --trials for psr"), r.err());
        assertEquals(0, run("help").code());
    }

    private static String[] append(String[] args, String... more) {
        String[] all = new String[args.length + more.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }
}
