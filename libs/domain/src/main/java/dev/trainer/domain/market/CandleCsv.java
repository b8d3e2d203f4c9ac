package dev.trainer.domain.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads candles from CSV, in one of two forms, and refuses a file it cannot trust with the line that is wrong:
 * <ul>
 * <li>the research form: a header {@code timestamp,open,high,low,close,volume}, the timestamp being the bar's open time
 * in epoch milliseconds or ISO-8601 (without a zone it is taken as UTC);</li>
 * <li>Binance's public kline dumps: no header (or one starting {@code open_time}), twelve columns of which the first six
 * are open time, open, high, low, close and volume; open times in milliseconds, or microseconds as in the spot dumps
 * since 2025.</li>
 * </ul>
 * Rows must have high at or above low and strictly increasing times. Nothing else is checked or changed: cleaning is a
 * separate step. The caller opens the source; this only parses.
 */
public final class CandleCsv {

    public static final String HEADER = "timestamp,open,high,low,close,volume";
    private static final long MICROSECONDS_THRESHOLD = 100_000_000_000_000L; // ms timestamps stay below this until 5138

    private CandleCsv() {
    }

    /** Thrown for a file that does not parse or breaks a rule; the message starts with the line number. */
    public static final class BadCsvException extends IllegalArgumentException {
        private final int line;

        BadCsvException(int line, String message) {
            super("line " + line + ": " + message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static List<Candle> parse(Reader source) {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        List<Candle> candles = new ArrayList<>();
        int lineNumber = 0;
        boolean first = true;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",", -1);
                if (first) {
                    first = false;
                    String header = line.trim().toLowerCase(Locale.ROOT).replace(" ", "");
                    if (header.equals(HEADER) || header.startsWith("open_time,")) {
                        continue;
                    }
                    if (!f[0].trim().matches("-?\\d+(\\.\\d+)?") && !looksLikeIso(f[0])) {
                        throw new BadCsvException(lineNumber, "expected the header '" + HEADER
                                + "' or a Binance kline row, got '" + line + "'");
                    }
                }
                Candle candle = row(lineNumber, f, line);
                if (!candles.isEmpty() && candle.openTimeMs() <= candles.get(candles.size() - 1).openTimeMs()) {
                    throw new BadCsvException(lineNumber, "time " + Instant.ofEpochMilli(candle.openTimeMs())
                            + " is not after the previous row's " + Instant.ofEpochMilli(candles.get(candles.size() - 1).openTimeMs()));
                }
                candles.add(candle);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read candles: " + e.getMessage(), e);
        }
        return candles;
    }

    /** The timeframe whose duration is the smallest step between consecutive candles. */
    public static Timeframe inferTimeframe(List<Candle> candles) {
        long step = Long.MAX_VALUE;
        for (int i = 1; i < candles.size(); i++) {
            step = Math.min(step, candles.get(i).openTimeMs() - candles.get(i - 1).openTimeMs());
        }
        for (Timeframe tf : Timeframe.values()) {
            if (tf.durationMs() == step) {
                return tf;
            }
        }
        throw new IllegalArgumentException(candles.size() < 2 ? "cannot tell the timeframe of fewer than 2 candles"
                : "cannot tell the timeframe: the smallest step between candles is " + step + " ms, which is none of "
                        + java.util.Arrays.stream(Timeframe.values()).map(Timeframe::label).toList());
    }

    private static Candle row(int lineNumber, String[] f, String line) {
        if (f.length < 6) {
            throw new BadCsvException(lineNumber, "expected at least 6 columns (" + HEADER + "), got " + f.length + ": '" + line + "'");
        }
        long time = time(lineNumber, f[0].trim());
        double open = number(lineNumber, "open", f[1]);
        double high = number(lineNumber, "high", f[2]);
        double low = number(lineNumber, "low", f[3]);
        double close = number(lineNumber, "close", f[4]);
        double volume = number(lineNumber, "volume", f[5]);
        if (high < low) {
            throw new BadCsvException(lineNumber, "high " + high + " is below low " + low);
        }
        return new Candle(time, open, high, low, close, volume);
    }

    private static long time(int lineNumber, String text) {
        if (text.matches("\\d+")) {
            long value = Long.parseLong(text);
            return value >= MICROSECONDS_THRESHOLD ? value / 1000 : value;
        }
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
            } catch (DateTimeParseException e) {
                throw new BadCsvException(lineNumber, "timestamp '" + text + "' is neither epoch milliseconds nor ISO-8601");
            }
        }
    }

    private static double number(int lineNumber, String column, String text) {
        try {
            double value = Double.parseDouble(text.trim());
            if (!Double.isFinite(value)) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadCsvException(lineNumber, column + " '" + text.trim() + "' is not a finite number");
        }
    }

    private static boolean looksLikeIso(String text) {
        return text.trim().matches("\\d{4}-\\d{2}-\\d{2}[T ].*");
    }
}
