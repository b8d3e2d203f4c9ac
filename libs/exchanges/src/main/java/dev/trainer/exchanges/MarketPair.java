package dev.trainer.exchanges;

import java.util.Locale;
import java.util.regex.Pattern;
import org.knowm.xchange.currency.CurrencyPair;

/** A pair as users write it, {@code BASE/QUOTE} ({@code BTC/USDT}); each exchange client turns it into its own symbol. */
public record MarketPair(String base, String quote) {

    private static final Pattern CODE = Pattern.compile("[A-Z0-9]{2,12}");

    public MarketPair {
        if (base == null || quote == null || !CODE.matcher(base).matches() || !CODE.matcher(quote).matches()) {
            throw new IllegalArgumentException("a pair is BASE/QUOTE in capitals, e.g. BTC/USDT; got " + base + "/" + quote);
        }
    }

    /** Parses {@code BASE/QUOTE}, case-insensitively; the message of the exception says what is expected. */
    public static MarketPair parse(String text) {
        if (text == null || text.indexOf('/') <= 0 || text.indexOf('/') != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("a pair is BASE/QUOTE, e.g. BTC/USDT; got '" + text + "'");
        }
        String[] parts = text.trim().toUpperCase(Locale.ROOT).split("/", -1);
        try {
            return new MarketPair(parts[0].trim(), parts[1].trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a pair is BASE/QUOTE in letters and digits, e.g. BTC/USDT; got '" + text + "'");
        }
    }

    public CurrencyPair toCurrencyPair() {
        return new CurrencyPair(base, quote);
    }

    @Override
    public String toString() {
        return base + "/" + quote;
    }
}
