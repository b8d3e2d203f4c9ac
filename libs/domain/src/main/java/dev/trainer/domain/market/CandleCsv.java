package dev.trainer.domain.market;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

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
 * separate step. The caller opens the source; this only parses. {@link CandleCsvReader} is the parser, reading one line
 * at a time; {@link CandleFile} opens the ZIP archives Binance's dumps come in.
 */
public final class CandleCsv {

    public static final String HEADER = "timestamp,open,high,low,close,volume";

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

    /** Every candle of the file, in memory; for files of any size read them with {@link CandleCsvReader}. */
    public static List<Candle> parse(Reader source) {
        List<Candle> candles = new ArrayList<>();
        new CandleCsvReader(source).forEachRemaining(candles::add);
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
}
