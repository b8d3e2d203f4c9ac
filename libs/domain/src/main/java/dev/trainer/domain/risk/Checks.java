package dev.trainer.domain.risk;

import java.util.Locale;

/** Argument checks and number formatting shared by the breakers, so every message looks the same. */
final class Checks {

    private Checks() {
    }

    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number, got " + value);
        }
        return value;
    }

    static double positive(double value, String name) {
        if (!(finite(value, name) > 0)) {
            throw new IllegalArgumentException(name + " must be > 0, got " + value);
        }
        return value;
    }

    static double fractionThreshold(double value, String name) {
        if (!(finite(value, name) > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], got " + value);
        }
        return value;
    }

    static double[] positivePrices(double[] prices, String name) {
        if (prices == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        for (int i = 0; i < prices.length; i++) {
            positive(prices[i], name + "[" + i + "]");
        }
        return prices;
    }

    /**
     * {@code value} and {@code threshold} with the same number of decimals, at least {@code minDecimals} and more when
     * needed to tell them apart, so a value just below a limit never reads as equal to it.
     */
    static String[] formatPair(double value, double threshold, int minDecimals) {
        int decimals = minDecimals;
        String v = format(value, decimals);
        String t = format(threshold, decimals);
        while (value != threshold && v.equals(t) && decimals < 17) {
            decimals++;
            v = format(value, decimals);
            t = format(threshold, decimals);
        }
        return new String[] {v, t};
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
