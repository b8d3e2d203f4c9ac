package dev.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.trainer.contracts.serde.EventJson;
import dev.trainer.domain.backtest.BacktestResult;
import dev.trainer.domain.backtest.BacktestSettings;
import dev.trainer.domain.backtest.Backtester;
import dev.trainer.domain.backtest.Trade;
import dev.trainer.domain.market.Candle;
import dev.trainer.domain.market.CandleSeries;
import dev.trainer.domain.market.Timeframe;
import dev.trainer.domain.strategy.ParameterSet;
import dev.trainer.domain.strategy.StrategyCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BacktestCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new BacktestCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args));
    }

    private static List<Candle> wave(int n) {
        List<Candle> candles = new ArrayList<>();
        double previous = 100;
        for (int i = 0; i < n; i++) {
            double close = 100 + 4 * Math.sin(i / 7.0) + Math.sin(i / 2.3);
            candles.add(new Candle(1_700_000_000_000L + i * 300_000L, previous, Math.max(previous, close) + 0.1,
                    Math.min(previous, close) - 0.1, close, 5 + i % 3));
            previous = close;
        }
        return candles;
    }

    private Path csv(List<Candle> candles) throws Exception {
        StringBuilder text = new StringBuilder("timestamp,open,high,low,close,volume\n");
        for (Candle c : candles) {
            text.append(c.openTimeMs()).append(',').append(c.open()).append(',').append(c.high()).append(',').append(c.low())
                    .append(',').append(c.close()).append(',').append(c.volume()).append('\n');
        }
        Path file = dir.resolve("candles.csv");
        Files.writeString(file, text);
        return file;
    }

    @Test
    void jsonCarriesTheEnginesTradesWithTheirFields() throws Exception {
        List<Candle> candles = wave(400);
        Path file = csv(candles);
        assertEquals(0, run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--param", "fast=3", "--param",
                "slow=12", "--fee", "0.002", "--slippage", "0.001", "--json"), err.toString());

        JsonNode report = EventJson.mapper().readTree(out.toByteArray());
        assertEquals("5m", report.path("timeframe").asText(), "inferred from the candles");
        assertEquals(0.002, report.path("fee_per_side_fraction").asDouble());
        BacktestResult expected = new Backtester().run(CandleSeries.of(Timeframe.M5, candles), StrategyCatalog.get("SMA_CROSSOVER"),
                ParameterSet.of(Map.of("fast", 3, "slow", 12)),
                BacktestSettings.defaults().withFeePerSide(0.002).withSlippagePerSide(0.001));
        JsonNode trades = report.path("trades");
        assertTrue(expected.trades().size() > 3, "the wave crosses often");
        assertEquals(expected.trades().size(), trades.size());
        for (int i = 0; i < trades.size(); i++) {
            Trade t = expected.trades().get(i);
            JsonNode j = trades.get(i);
            assertEquals(t.side().name(), j.path("side").asText());
            assertEquals(t.entryTimeMs(), j.path("entry_time").asLong());
            assertEquals(t.entryPrice(), j.path("entry_price").asDouble());
            assertEquals(t.exitTimeMs(), j.path("exit_time").asLong());
            assertEquals(t.exitPrice(), j.path("exit_price").asDouble());
            assertEquals(t.exitReason().name(), j.path("exit_reason").asText());
            assertEquals(t.pnl(), j.path("pnl").asDouble());
        }
        assertEquals(expected.metrics().netProfitFraction(), report.at("/metrics/net_profit_fraction").asDouble());
    }

    @Test
    void leftOutParametersTakeTheMiddleOfTheDefaultSpaceAndTheTextSaysSo() throws Exception {
        Path file = csv(wave(400));
        assertEquals(0, run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--param", "fast=3"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("fast=3.0") && text.contains("slow="), text);
        assertTrue(text.contains("net_profit_fraction"), text);
        assertTrue(text.contains("entry time"), text);
    }

    @Test
    void aBadFileEndsWithTheLineAndANonZeroExit() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "timestamp,open,high,low,close,volume\n1700000000000,1,2,0.5,1.5,10\n1700000300000,1,0.4,0.5,1,1\n");
        assertEquals(BacktestCommand.BAD_DATA, run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER"));
        assertTrue(err.toString().contains("line 3: high 0.4 is below low 0.5"), err.toString());
        assertEquals("", out.toString());
    }

    @Test
    void usageErrorsSayWhatIsWrong() throws Exception {
        assertEquals(BacktestCommand.USAGE, run("--strategy", "SMA_CROSSOVER"));
        assertTrue(err.toString().contains("--candles and --strategy are required"), err.toString());
        Path file = csv(wave(50));
        assertEquals(BacktestCommand.USAGE, run("--candles", file.toString(), "--strategy", "SMA_CROSSOVER", "--param", "speed=3"));
        assertTrue(err.toString().contains("has no parameter speed"), err.toString());
        assertEquals(BacktestCommand.BAD_DATA, run("--candles", dir.resolve("missing.csv").toString(), "--strategy", "SMA_CROSSOVER"));
    }
}
