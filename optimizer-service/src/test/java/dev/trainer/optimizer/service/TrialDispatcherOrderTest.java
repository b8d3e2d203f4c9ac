package dev.trainer.optimizer.service;

import dev.trainer.optimizer.repository.JobMarket;
import dev.trainer.optimizer.repository.WindowState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Plain JUnit: the order windows are served in, which decides which market's outcome ends the job. */
class TrialDispatcherOrderTest {

    private static final long DAY_MS = 86_400_000L;

    private static JobMarket market(String key, String timeframe, Instant startedAt) {
        JobMarket m = new JobMarket();
        m.key = new JobMarket.Key("job", key);
        m.timeframe = timeframe;
        m.startedAt = startedAt;
        return m;
    }

    private static WindowState window(String market, int index) {
        WindowState w = new WindowState();
        w.key = new WindowState.Key("job", market, index);
        w.trainFromMs = index * 7 * DAY_MS;
        w.trainUntilMs = w.trainFromMs + 90 * DAY_MS;
        return w;
    }

    private static List<String> served(Map<String, JobMarket> markets, List<WindowState> windows) {
        List<WindowState> sorted = new ArrayList<>(windows);
        sorted.sort(TrialDispatcher.serviceOrder(markets));
        return sorted.stream().map(w -> w.key.marketKey + "#" + w.key.windowIndex).toList();
    }

    @Test
    void theMarketWithTheMostBarsGoesFirstWhateverItsArrival() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, JobMarket> markets = Map.of(
                "4h", market("4h", "4h", t0),
                "1h", market("1h", "1h", t0.plusSeconds(1)),
                "5m", market("5m", "5m", t0.plusSeconds(9)));
        List<WindowState> windows = List.of(window("4h", 1), window("4h", 0), window("1h", 0), window("5m", 1),
                window("5m", 0));
        assertEquals(List.of("5m#0", "5m#1", "1h#0", "4h#0", "4h#1"), served(markets, windows));
    }

    @Test
    void marketsOfEqualCostGoInTheOrderTheyStarted() {
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        Map<String, JobMarket> markets = Map.of(
                "kraken", market("kraken", "1h", t0.plusSeconds(5)),
                "binance", market("binance", "1h", t0));
        assertEquals(List.of("binance#0", "binance#1", "kraken#0"),
                served(markets, List.of(window("kraken", 0), window("binance", 1), window("binance", 0))));
    }
}
