package dev.trainer.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvTest {

    private static List<Candle> parse(String text) {
        return CandleCsv.parse(new StringReader(text));
    }

    @Test
    void researchFormWithEpochMillisecondsOrIsoTimes() {
        List<Candle> ms = parse("timestamp,open,high,low,close,volume\n1700000000000,1,2,0.5,1.5,10\n1700000060000,1.5,2,1,1.2,0\n");
        assertEquals(List.of(new Candle(1_700_000_000_000L, 1, 2, 0.5, 1.5, 10),
                new Candle(1_700_000_060_000L, 1.5, 2, 1, 1.2, 0)), ms);
        List<Candle> iso = parse("timestamp,open,high,low,close,volume\n2023-11-14T22:13:20Z,1,2,0.5,1.5,10\n"
                + "2023-11-14 22:14:20,1.5,2,1,1.2,0\n");
        assertEquals(ms, iso, "an ISO time without a zone is UTC");
        assertEquals(Timeframe.M1, CandleCsv.inferTimeframe(ms));
    }

    @Test
    void binanceKlineDumpsInMillisecondsAndMicroseconds() {
        String ms = "1700000000000,1,2,0.5,1.5,10,1700000299999,15,3,5,7,0\n1700000300000,1.5,2,1,1.2,4,1700000599999,5,1,2,2,0\n";
        String us = "1700000000000000,1,2,0.5,1.5,10,1700000299999999,15,3,5,7,0\n"
                + "1700000300000000,1.5,2,1,1.2,4,1700000599999999,5,1,2,2,0\n";
        List<Candle> fromMs = parse(ms);
        assertEquals(2, fromMs.size());
        assertEquals(1_700_000_300_000L, fromMs.get(1).openTimeMs());
        assertEquals(fromMs, parse(us));
        assertEquals(fromMs, parse("open_time,open,high,low,close,volume,close_time,quote_volume,count,"
                + "taker_buy_volume,taker_buy_quote_volume,ignore\n" + ms));
        assertEquals(Timeframe.M5, CandleCsv.inferTimeframe(fromMs));
    }

    @Test
    void aBadRowIsNamedByItsLine() {
        CandleCsv.BadCsvException notANumber = assertThrows(CandleCsv.BadCsvException.class,
                () -> parse("timestamp,open,high,low,close,volume\n1700000000000,1,2,0.5,1.5,10\n1700000060000,x,2,1,1.2,0\n"));
        assertEquals(3, notANumber.line());
        assertTrue(notANumber.getMessage().startsWith("line 3: open 'x'"), notANumber.getMessage());

        CandleCsv.BadCsvException highBelowLow = assertThrows(CandleCsv.BadCsvException.class,
                () -> parse("timestamp,open,high,low,close,volume\n1700000000000,1,0.4,0.5,0.45,10\n"));
        assertEquals("line 2: high 0.4 is below low 0.5", highBelowLow.getMessage());

        CandleCsv.BadCsvException backwards = assertThrows(CandleCsv.BadCsvException.class,
                () -> parse("timestamp,open,high,low,close,volume\n1700000060000,1,2,0.5,1.5,10\n\n1700000000000,1,2,1,1,0\n"));
        assertEquals(4, backwards.line(), "blank lines still count");
        assertTrue(backwards.getMessage().contains("is not after the previous row's"), backwards.getMessage());

        assertEquals(1, assertThrows(CandleCsv.BadCsvException.class, () -> parse("time;open;high\n")).line());
    }

    @Test
    void aTimeframeThatIsNoneOfOursIsRefused() {
        List<Candle> sevenMinutes = parse("timestamp,open,high,low,close,volume\n0,1,2,0.5,1.5,10\n420000,1,2,0.5,1.5,10\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CandleCsv.inferTimeframe(sevenMinutes));
        assertTrue(e.getMessage().contains("420000 ms"), e.getMessage());
    }
}
