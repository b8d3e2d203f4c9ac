package dev.trainer.domain.market;

import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import static org.junit.jupiter.api.Assertions.assertNull;

/** bin/trainer bench-plan imports the generator's year; the import refuses any candle the entry check refuses. */
class SyntheticMarketEntryTest {
    @Test
    void aYearOfThePlansMarketsPassesTheEntryCheck() {
        long from = Timeframe.D1.alignDown(java.time.Instant.parse("2025-12-01T00:00:00Z").toEpochMilli());
        long until = from + 366L * 86_400_000L;
        for (String pair : List.of("BTC/USDT", "ETH/USDT", "SOL/USDT")) {
            Map<String, Map<Timeframe, CandleSeries>> all = SyntheticMarket.generate(7, pair, List.of("binance", "kraken"),
                    List.of(Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4), from, until);
            for (var e : all.entrySet()) for (var t : e.getValue().entrySet()) {
                CandleSeries s = t.getValue();
                for (int i = 0; i < s.size(); i++) {
                    String p = CandleEntryCheck.problem(s.openTimeMs(i), s.open(i), s.high(i), s.low(i), s.close(i), s.volume(i), t.getKey(), until);
                    assertNull(p, pair + " " + e.getKey() + " " + t.getKey() + " " + i + ": " + p);
                }
            }
        }
    }
}
