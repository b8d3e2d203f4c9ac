package dev.trainer.domain.market;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Reads trades in the CSV form of ta4j-examples' Bitstamp recording: a header {@code timestamp,price,amount}, then one
 * trade a line with the time in epoch seconds. The caller opens the source; this only parses.
 */
public final class TradesCsv {

    private TradesCsv() {
    }

    public static Trades parse(Reader source) {
        BufferedReader reader = source instanceof BufferedReader b ? b : new BufferedReader(source);
        long[] time = new long[1 << 16];
        double[] price = new double[1 << 16];
        double[] amount = new double[1 << 16];
        int n = 0;
        int lineNumber = 0;
        try {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("timestamp")) {
                    continue;
                }
                String[] f = line.split(",");
                if (f.length < 3) {
                    throw new IllegalArgumentException("line " + lineNumber + ": expected timestamp,price,amount, got '" + line + "'");
                }
                if (n == time.length) {
                    time = Arrays.copyOf(time, n * 2);
                    price = Arrays.copyOf(price, n * 2);
                    amount = Arrays.copyOf(amount, n * 2);
                }
                try {
                    time[n] = Long.parseLong(f[0].trim()) * 1000L;
                    price[n] = Double.parseDouble(f[1].trim());
                    amount[n] = Double.parseDouble(f[2].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("line " + lineNumber + ": not a number in '" + line + "'", e);
                }
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trades: " + e.getMessage(), e);
        }
        return new Trades(Arrays.copyOf(time, n), Arrays.copyOf(price, n), Arrays.copyOf(amount, n));
    }
}
