package dev.trainer.domain.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trainer.domain.market.CandleCsv.BadCsvException;
import dev.trainer.domain.market.CandleCsvReader.Layout;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandleCsvReaderTest {

    private static final String RESEARCH = "timestamp,open,high,low,close,volume\n";
    private static final long T0 = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    private static List<Candle> readAll(CandleCsvReader reader) {
        List<Candle> out = new ArrayList<>();
        reader.forEachRemaining(out::add);
        return out;
    }

    private static BadCsvException bad(String text) {
        return assertThrows(BadCsvException.class, () -> readAll(new CandleCsvReader(new StringReader(text))));
    }

    private static String klines(long firstOpenTime, int count, long stepMs, long timeUnit) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            long open = firstOpenTime + i * stepMs;
            text.append(open * timeUnit).append(",10,12,9,11,").append(i).append(',').append((open + stepMs - 1) * timeUnit)
                    .append(",110,7,3,33,0\n");
        }
        return text.toString();
    }

    @Test
    void goodRowsComeOneByOneWithTheirLinesAndTheLayout() {
        CandleCsvReader reader = new CandleCsvReader(new StringReader(RESEARCH + T0 + ",1,2,0.5,1.5,10\n\n"
                + "2024-01-01T00:01:00Z,1.5,2,1,1.2,0\n"));
        assertNull(reader.layout(), "not known before the first line is read");
        assertTrue(reader.hasNext());
        assertEquals(Layout.RESEARCH, reader.layout());
        assertEquals(new Candle(T0, 1, 2, 0.5, 1.5, 10), reader.next());
        assertEquals(2, reader.lineOfLastCandle());
        assertEquals(new Candle(T0 + 60_000, 1.5, 2, 1, 1.2, 0), reader.next());
        assertEquals(4, reader.lineOfLastCandle(), "the blank line counts");
        assertFalse(reader.hasNext());
        assertEquals(2, reader.candlesRead());
    }

    @Test
    void binanceDumpsInMillisecondsAndMicrosecondsReadAlike() {
        CandleCsvReader ms = new CandleCsvReader(new StringReader(klines(T0, 3, 60_000, 1)), Timeframe.M1);
        CandleCsvReader us = new CandleCsvReader(new StringReader(klines(T0, 3, 60_000, 1000)), Timeframe.M1);
        List<Candle> fromMs = readAll(ms);
        assertEquals(List.of(new Candle(T0, 10, 12, 9, 11, 0), new Candle(T0 + 60_000, 10, 12, 9, 11, 1),
                new Candle(T0 + 120_000, 10, 12, 9, 11, 2)), fromMs);
        assertEquals(fromMs, readAll(us));
        assertEquals(Layout.BINANCE_KLINES, ms.layout());
        CandleCsvReader withHeader = new CandleCsvReader(new StringReader("open_time,open,high,low,close,volume,close_time,"
                + "quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore\n" + klines(T0, 3, 60_000, 1000)));
        assertEquals(fromMs, readAll(withHeader));
        assertEquals(Layout.BINANCE_KLINES, withHeader.layout());
    }

    @Test
    void batchesHoldAtMostTheirSizeAndEndEmpty() {
        CandleCsvReader reader = new CandleCsvReader(new StringReader(klines(T0, 7, 300_000, 1)), Timeframe.M5);
        assertEquals(3, reader.nextBatch(3).size());
        assertEquals(3, reader.nextBatch(3).size());
        List<Candle> last = reader.nextBatch(3);
        assertEquals(1, last.size());
        assertEquals(T0 + 6 * 300_000, last.get(0).openTimeMs());
        assertTrue(reader.nextBatch(3).isEmpty());
        assertEquals(7, reader.candlesRead());
    }

    @Test
    void eachKindOfBadRowIsNamedByItsLine() {
        String ok = T0 + ",1,2,0.5,1.5,10\n";
        assertEquals("line 3: open 'x' is not a finite number", bad(RESEARCH + ok + (T0 + 60_000) + ",x,2,1,1.2,0\n").getMessage());
        assertEquals("line 2: volume 'NaN' is not a finite number", bad(RESEARCH + T0 + ",1,2,0.5,1.5,NaN\n").getMessage());
        assertEquals("line 2: high 0.4 is below low 0.5", bad(RESEARCH + T0 + ",1,0.4,0.5,0.45,10\n").getMessage());
        BadCsvException columns = bad(RESEARCH + ok + "\n" + (T0 + 60_000) + ",1,2,0.5\n");
        assertEquals(4, columns.line());
        assertTrue(columns.getMessage().contains("expected at least 6 columns"), columns.getMessage());
        BadCsvException time = bad(RESEARCH + ok + "yesterday,1,2,0.5,1.5,10\n");
        assertEquals(3, time.line());
        assertTrue(time.getMessage().contains("neither epoch milliseconds nor ISO-8601"), time.getMessage());
        assertEquals(2, bad(RESEARCH + "99999999999999999999,1,2,0.5,1.5,10\n").line(), "too large for a long");
        BadCsvException backwards = bad(RESEARCH + ok + ok);
        assertEquals(3, backwards.line());
        assertTrue(backwards.getMessage().contains("is not after the previous row's"), backwards.getMessage());
        assertEquals(1, bad("time;open;high\n").line());
    }

    @Test
    void anOpenTimeOffTheTimeframesGridIsRefusedWhenOneIsGiven() {
        String text = klines(T0, 2, 60_000, 1) + (T0 + 150_000) + ",10,12,9,11,1,0,0,0,0,0,0\n";
        assertEquals(3, readAll(new CandleCsvReader(new StringReader(text))).size(), "no timeframe, no grid");
        BadCsvException e = assertThrows(BadCsvException.class,
                () -> readAll(new CandleCsvReader(new StringReader(text), Timeframe.M1)));
        assertEquals("line 3: time 2024-01-01T00:02:30Z is not the start of a 1m candle (a UTC multiple of 60000 ms)",
                e.getMessage());
        assertEquals(2, assertThrows(BadCsvException.class,
                () -> readAll(new CandleCsvReader(new StringReader(klines(T0, 2, 60_000, 1)), Timeframe.H1))).line(),
                "midnight starts an hour, a minute later does not");
    }

    /** Issue 13: imports stored negative prices, year-3000 open times and 1e308 values; now the line is named. */
    @Test
    void aReaderForATimeframeRefusesImpossibleCandlesNamingTheLine() {
        long now = T0 + 86_400_000L;
        String ok = T0 + ",10,12,9,11,1\n";
        String[][] cases = {
            {(T0 + 60_000) + ",-10,12,9,11,1", "line 3: open -10.0 is not above 0"},
            {(T0 + 60_000) + ",10,1e308,9,11,1", "line 3: high 1.0E308 is above 1.0E12, the largest accepted"},
            {(T0 + 60_000) + ",10,12,9,13,1", "line 3: close 13.0 is outside low 9.0 .. high 12.0"},
            {(T0 + 60_000) + ",10,12,9,11,-1", "line 3: volume -1.0 is below 0"},
            {"3000-01-01T00:00:00Z,10,12,9,11,1", "line 3: time 3000-01-01T00:00:00Z is after now plus one 1m candle"
                    + " (2024-01-02T00:01:00Z)"}};
        for (String[] c : cases) {
            BadCsvException e = assertThrows(BadCsvException.class, () -> readAll(
                    new CandleCsvReader(new StringReader(RESEARCH + ok + c[0] + "\n"), Timeframe.M1, now)), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        assertEquals(2, readAll(new CandleCsvReader(new StringReader(RESEARCH + ok + (T0 + 60_000) + ",-10,12,9,11,1\n")))
                .size(), "the research CSV of a backtest keeps CandleCsv's rules only");
    }

    /** Issue 13: a refused import echoed its first line whole (1 MB), and a NUL in it could not be stored. */
    @Test
    void aBadLineIsQuotedShortAndWithoutControlCharacters() {
        BadCsvException nul = bad("ab\u0000cd,1,2\n");
        assertEquals("line 1: expected the header '" + CandleCsv.HEADER + "' or a Binance kline row, got 'ab\\u0000cd,1,2'",
                nul.getMessage());
        String huge = "x".repeat(1_000_000);
        BadCsvException big = bad(huge + "\n");
        assertTrue(big.getMessage().length() < 300, big.getMessage().length() + " characters");
        assertTrue(big.getMessage().endsWith("got '" + "x".repeat(80) + "...' (1000000 characters)"), big.getMessage());
        BadCsvException column = bad(RESEARCH + T0 + ",1,2,0.5,1.5," + "9".repeat(500) + "z\n");
        assertTrue(column.getMessage().startsWith("line 2: volume '9999") && column.getMessage().length() < 200,
                column.getMessage());
    }

    @Test
    void aByteOrderMarkBeforeTheHeaderIsIgnored() {
        assertEquals(1, readAll(new CandleCsvReader(new StringReader("\uFEFF" + RESEARCH + T0 + ",1,2,0.5,1.5,10\n"))).size());
    }

    @Test
    void onlyWhatIsNeededIsReadFromTheSource() {
        CountingRows source = new CountingRows(10_000_000);
        CandleCsvReader reader = new CandleCsvReader(source, Timeframe.M1);
        assertEquals(100, reader.nextBatch(100).size());
        assertTrue(source.charsServed < 64 * 1024, "read ahead " + source.charsServed + " chars for 100 candles");
    }

    /** An endless-looking file of one-minute kline rows, produced as it is read. */
    private static final class CountingRows extends Reader {
        private final int rows;
        private int row;
        private String current = "";
        private int position;
        long charsServed;

        CountingRows(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == current.length()) {
                if (row == rows) {
                    return -1;
                }
                current = (T0 + row++ * 60_000L) + ",1,2,0.5,1.5,10,0,0,0,0,0,0\n";
                position = 0;
            }
            int n = Math.min(length, current.length() - position);
            current.getChars(position, position + n, buffer, offset);
            position += n;
            charsServed += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
