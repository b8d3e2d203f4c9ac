package dev.trainer.domain.market;

import dev.trainer.domain.text.QuotedText;

import dev.trainer.domain.market.CandleCsv.BadCsvException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;

/**
 * Candles read one line at a time from a CSV in one of the forms {@link CandleCsv} describes, so that a file of any
 * length is read in constant memory: only the current line and the previous open time are held. The rules are
 * CandleCsv's (at least six columns, finite numbers, high at or above low, strictly increasing times); a row that
 * breaks one ends the reading with a {@link BadCsvException} naming its line. Given a timeframe, as for an import,
 * every candle must also pass {@link CandleEntryCheck} (possible prices and volume, the open time on the timeframe's
 * grid and within the accepted range). A bad line is quoted in the message cut to {@value #QUOTED_CHARS} characters,
 * control characters escaped: a message is stored and answered, and a file's "line" may be megabytes of binary.
 *
 * <p>IO errors of the source surface as {@link UncheckedIOException}. The caller opens and closes the source.
 */
public final class CandleCsvReader implements Iterator<Candle> {

    /** Which of the accepted forms the file is, told by its first line. */
    public enum Layout {
        /** The research form, with its header {@value CandleCsv#HEADER}. */
        RESEARCH("research"),
        /** Binance's kline dumps: no header, or one starting {@code open_time}; the first six columns are used. */
        BINANCE_KLINES("binance-klines");

        private final String label;

        Layout(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final long MICROSECONDS_THRESHOLD = 100_000_000_000_000L; // ms timestamps stay below this until 5138
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final BufferedReader source;
    static final int QUOTED_CHARS = 80;

    private final Timeframe alignedTo;
    private final long nowMs;
    private Layout layout;
    private Candle pending;
    private int pendingLine;
    private boolean exhausted;
    private int linesRead;
    private int candleLine;
    private long candlesReturned;
    private boolean hasPrevious;
    private long previousOpenTimeMs;

    /** Reads candles with any open times (only increasing). */
    public CandleCsvReader(Reader source) {
        this(source, null);
    }

    /**
     * Reads candles of {@code alignedTo} as they enter the store: each must pass {@link CandleEntryCheck} as seen now
     * (the time of this call); null reads any open times with CandleCsv's rules only.
     */
    public CandleCsvReader(Reader source, Timeframe alignedTo) {
        this(source, alignedTo, System.currentTimeMillis());
    }

    /**
     * Reads candles of {@code alignedTo} as they enter the store: each must pass {@link CandleEntryCheck} as seen at
     * {@code nowMs}; null reads any open times with CandleCsv's rules only.
     */
    public CandleCsvReader(Reader source, Timeframe alignedTo, long nowMs) {
        this.source = source instanceof BufferedReader b ? b : new BufferedReader(source);
        this.alignedTo = alignedTo;
        this.nowMs = nowMs;
    }

    @Override
    public boolean hasNext() {
        if (pending == null && !exhausted) {
            pending = readCandle();
            exhausted = pending == null;
        }
        return pending != null;
    }

    @Override
    public Candle next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more candles after line " + linesRead);
        }
        Candle candle = pending;
        pending = null;
        candleLine = pendingLine;
        candlesReturned++;
        return candle;
    }

    /** Up to {@code maxCandles} next candles; empty at the end of the file. */
    public List<Candle> nextBatch(int maxCandles) {
        if (maxCandles < 1) {
            throw new IllegalArgumentException("a batch holds at least one candle, not " + maxCandles);
        }
        List<Candle> batch = new ArrayList<>(Math.min(maxCandles, 8_192));
        while (batch.size() < maxCandles && hasNext()) {
            batch.add(next());
        }
        return batch;
    }

    /** The file's form, known once its first line is read (null before, or for a file without lines). */
    public Layout layout() {
        return layout;
    }

    /** The line number of the candle {@link #next()} returned last (0 before the first). */
    public int lineOfLastCandle() {
        return candleLine;
    }

    /** How many candles {@link #next()} has returned. */
    public long candlesRead() {
        return candlesReturned;
    }

    private Candle readCandle() {
        try {
            for (String line = source.readLine(); line != null; line = source.readLine()) {
                linesRead++;
                if (layout == null && !line.isEmpty() && line.charAt(0) == BYTE_ORDER_MARK) {
                    line = line.substring(1); // spreadsheets save UTF-8 with one
                }
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (layout == null && isHeader(line, f)) {
                    continue;
                }
                Candle candle = row(f, line);
                checkValues(candle);
                checkOrder(candle);
                hasPrevious = true;
                previousOpenTimeMs = candle.openTimeMs();
                pendingLine = linesRead;
                return candle;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles after line " + linesRead + ": " + e.getMessage(), e);
        }
    }

    /** Decides the layout from the first non-blank line; true when that line is a header to skip. */
    private boolean isHeader(String line, String[] f) {
        String header = line.trim().toLowerCase(Locale.ROOT).replace(" ", "");
        if (header.equals(CandleCsv.HEADER)) {
            layout = Layout.RESEARCH;
            return true;
        }
        layout = Layout.BINANCE_KLINES;
        if (header.startsWith("open_time,")) {
            return true;
        }
        if (!f[0].trim().matches("-?\\d+(\\.\\d+)?") && !looksLikeIso(f[0])) {
            throw new BadCsvException(linesRead, "expected the header '" + CandleCsv.HEADER
                    + "' or a Binance kline row, got " + quote(line));
        }
        return false;
    }

    private void checkOrder(Candle candle) {
        long time = candle.openTimeMs();
        if (hasPrevious && time <= previousOpenTimeMs) {
            throw new BadCsvException(linesRead, "time " + Instant.ofEpochMilli(time)
                    + " is not after the previous row's " + Instant.ofEpochMilli(previousOpenTimeMs));
        }
    }

    private void checkValues(Candle candle) {
        String problem = alignedTo != null ? CandleEntryCheck.problem(candle, alignedTo, nowMs)
                : candle.high() < candle.low() ? "high " + candle.high() + " is below low " + candle.low() : null;
        if (problem != null) {
            throw new BadCsvException(linesRead, problem);
        }
    }

    private Candle row(String[] f, String line) {
        if (f.length < 6) {
            throw new BadCsvException(linesRead, "expected at least 6 columns (" + CandleCsv.HEADER + "), got " + f.length
                    + ": " + quote(line));
        }
        long time = time(f[0].trim());
        double open = number("open", f[1]);
        double high = number("high", f[2]);
        double low = number("low", f[3]);
        double close = number("close", f[4]);
        double volume = number("volume", f[5]);
        return new Candle(time, open, high, low, close, volume);
    }

    private long time(String text) {
        if (isDigits(text)) {
            try {
                long value = Long.parseLong(text);
                return value >= MICROSECONDS_THRESHOLD ? value / 1000 : value;
            } catch (NumberFormatException tooLong) {
                throw new BadCsvException(linesRead, "timestamp " + quote(text) + " is too large for epoch milliseconds or microseconds");
            }
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new BadCsvException(linesRead, "timestamp " + quote(text) + " is neither epoch milliseconds nor ISO-8601");
            }
        }
    }

    private double number(String column, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadCsvException(linesRead, column + " " + quote(text.trim()) + " is not a finite number");
        }
    }

    /** The text as a message quotes it (cut to {@value #QUOTED_CHARS} characters, control characters escaped). */
    static String quote(String text) {
        return QuotedText.quote(text, QUOTED_CHARS);
    }

    // a loop, not a regex: this runs once per row of files with millions of rows
    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeIso(String text) {
        return text.trim().matches("\\d{4}-\\d{2}-\\d{2}[T ].*");
    }
}
