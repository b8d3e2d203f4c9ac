package dev.trainer.domain.market;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes candles in {@link CandleCsv}'s research form: the header {@value CandleCsv#HEADER}, then one row per candle
 * with the open time in epoch milliseconds. Numbers are written in plain decimal notation with as few digits as identify
 * the double, so {@link CandleCsvReader} reads back exactly the values written.
 */
public final class CandleCsvWriter implements AutoCloseable {

    private final Writer out;
    private int rows;

    /** Writes the header at once. */
    public CandleCsvWriter(Writer out) throws IOException {
        this.out = out;
        out.write(CandleCsv.HEADER);
        out.write('\n');
    }

    public void write(Candle candle) throws IOException {
        out.write(Long.toString(candle.openTimeMs()));
        out.write(',');
        out.write(plain(candle.open()));
        out.write(',');
        out.write(plain(candle.high()));
        out.write(',');
        out.write(plain(candle.low()));
        out.write(',');
        out.write(plain(candle.close()));
        out.write(',');
        out.write(plain(candle.volume()));
        out.write('\n');
        rows++;
    }

    public void writeAll(Iterable<Candle> candles) throws IOException {
        for (Candle candle : candles) {
            write(candle);
        }
    }

    /** Candle rows written so far (the header not counted). */
    public int rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private static String plain(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a candle value must be a finite number, got " + value);
        }
        BigDecimal exact = BigDecimal.valueOf(value).stripTrailingZeros();
        return (exact.scale() < 0 ? exact.setScale(0) : exact).toPlainString();
    }
}
